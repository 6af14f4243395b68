using WorldProbe.Compute;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class LoaderErrorTests
{
    public LoaderErrorTests() => TorchRuntime.Initialize();

    [Fact]
    public void MissingTensorsAreAllListed()
    {
        using var folder = new TemporaryFolder();
        string source = FixtureModels.Folder("llama");
        File.Copy(Path.Combine(source, "config.json"), folder.File("config.json"));
        string[] dropped = ["model.layers.1.mlp.up_proj.weight", "lm_head.weight"];
        using (var checkpoint = CheckpointReader.OpenFolder(source))
        using (var scope = NewDisposeScope())
            SafetensorsWriter.Write(folder.File("model.safetensors"),
                checkpoint.Names.Where(n => !dropped.Contains(n)).Select(n => new KeyValuePair<string, Tensor>(n, checkpoint.Read(n))));
        var error = Assert.Throws<WorldProbeException>(() => TransformerLoader.Load(folder.Path));
        Assert.All(dropped, name => Assert.Contains(name, error.Message));
    }

    [Fact]
    public void UnsupportedArchitectureNamesTheSupportedOnes()
    {
        using var folder = new TemporaryFolder();
        File.WriteAllText(folder.File("config.json"), """{ "model_type": "t5", "d_model": 64 }""");
        var error = Assert.Throws<WorldProbeException>(() => TransformerLoader.Load(folder.Path));
        Assert.Contains("t5", error.Message);
        Assert.Contains("llama", error.Message);
    }

    [Fact]
    public void TruncatedSafetensorsFileIsReportedWithItsPath()
    {
        using var folder = new TemporaryFolder();
        var bytes = File.ReadAllBytes(Path.Combine(FixtureModels.Folder("gpt2"), "model.safetensors"));
        File.WriteAllBytes(folder.File("model.safetensors"), bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<WorldProbeException>(() => CheckpointReader.OpenFolder(folder.Path));
        Assert.Contains("model.safetensors", error.Message);
    }

    [Fact]
    public void WriterRoundTripsEveryDtypeBitForBit()
    {
        using var folder = new TemporaryFolder();
        using var scope = NewDisposeScope();
        var generator = new Generator(9);
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = randn([3, 5], generator: generator),
            ["bf16"] = randn([7], generator: generator).to(ScalarType.BFloat16),
            ["f16"] = randn([2, 2, 2], generator: generator).to(ScalarType.Float16),
            ["i64"] = arange(10L).reshape(2, 5),
        };
        SafetensorsWriter.Write(folder.File("t.safetensors"), tensors);
        using var file = SafetensorsFile.Open(folder.File("t.safetensors"));
        foreach (var (name, expected) in tensors)
        {
            var read = file.Read(name);
            Assert.Equal(expected.dtype, read.dtype);
            Assert.True(read.allclose(expected, rtol: 0, atol: 0), name);
        }
    }
}
