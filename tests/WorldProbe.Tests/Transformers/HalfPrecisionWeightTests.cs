using WorldProbe.Compute;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class HalfPrecisionWeightTests
{
    public HalfPrecisionWeightTests() => TorchRuntime.Initialize();

    [Theory]
    [InlineData("llama")]
    [InlineData("gpt2")]
    public void Fp16WeightsGiveCloseActivations(string name)
    {
        using var folder = new TemporaryFolder();
        string source = FixtureModels.Folder(name);
        File.Copy(Path.Combine(source, "config.json"), folder.File("config.json"));
        using (var checkpoint = CheckpointReader.OpenFolder(source))
        using (var scope = NewDisposeScope())
            SafetensorsWriter.Write(folder.File("model.safetensors"),
                checkpoint.Names.Select(n => new KeyValuePair<string, Tensor>(n, checkpoint.Read(n).to(ScalarType.Float16))));
        using (var written = CheckpointReader.OpenFolder(folder.Path))
            Assert.All(written.Names, n => Assert.Equal(ScalarType.Float16, written.Entry(n).DType));

        using var model = TransformerLoader.Load(folder.Path);
        var errors = ModelVerifier.Verify(model, Path.Combine(source, "expected.safetensors"));
        // fp16 keeps 11 significant bits (relative rounding <= 4.9e-4 per weight): errors stay at that order, not 0.
        Assert.All(errors.Where(e => e.Reference != "embed"), e => Assert.InRange(e.RelativeError, 1e-6, 5e-3));
    }

    [Fact]
    public void Bf16ComputeStaysWithinBf16Precision()
    {
        using var model = FixtureModels.Load("llama", new ModelLoadOptions(DType: ScalarType.BFloat16));
        Assert.All(model.parameters(), p => Assert.Equal(ScalarType.BFloat16, p.dtype));
        var errors = ModelVerifier.Verify(model, Path.Combine(FixtureModels.Folder("llama"), "expected.safetensors"));
        // bf16 keeps 8 significant bits (2^-9 = 2e-3 relative rounding per operation).
        Assert.All(errors.Where(e => e.Reference != "embed"), e => Assert.InRange(e.RelativeError, 1e-4, 5e-2));
    }
}
