using WorldProbe.Compute;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class ConfigStyleTests
{
    public ConfigStyleTests() => TorchRuntime.Initialize();

    [Theory]
    [MemberData(nameof(FixtureModels.Names), MemberType = typeof(FixtureModels))]
    public void TransformersFourAndFiveConfigsLoadTheSameModel(string name)
    {
        using var folder = new TemporaryFolder();
        string source = FixtureModels.Folder(name);
        foreach (string file in Directory.EnumerateFiles(source, "*.safetensors*"))
            File.Copy(file, folder.File(Path.GetFileName(file)));
        File.Copy(Path.Combine(source, "config.v4.json"), folder.File("config.json"));

        var v5 = TransformerLoader.ReadConfig(source);
        var v4 = TransformerLoader.ReadConfig(folder.Path);
        Assert.Equal(v5, v4);
        Assert.Equal(v5.Rotary, v4.Rotary);

        using var scope = NewDisposeScope();
        using var a = TransformerLoader.Load(source);
        using var b = TransformerLoader.Load(folder.Path);
        var ids = randint(0, v5.VocabSize, [2, 9], dtype: ScalarType.Int64, generator: new Generator(3));
        using var noGrad = no_grad();
        Assert.True(a.Forward(ids).allclose(b.Forward(ids), rtol: 0, atol: 0));
    }

    [Fact]
    public void RopeScalingAndPartialRotaryAreReadFromBothStyles()
    {
        var scaled = TransformerLoader.ReadConfig(FixtureModels.Folder("llama31_rope_scaled"));
        Assert.Equal(new RotaryConfig(500000, 16, "llama3", 8, 1, 4, 16), scaled.Rotary);
        var neox = TransformerLoader.ReadConfig(FixtureModels.Folder("gpt_neox"));
        Assert.Equal(4, neox.Rotary!.Dims); // head_dim 16 x partial_rotary_factor 0.25
        Assert.Equal(BlockLayout.ParallelPreNorm, neox.Layout);
    }
}
