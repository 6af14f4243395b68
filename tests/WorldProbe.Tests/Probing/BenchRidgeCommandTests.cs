using System.Text.Json;
using WorldProbe.Activations;
using WorldProbe.Cli;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Probing;

/// <summary>`worldprobe bench ridge` in-process on a tiny shape: its JSON, its .npy files, bad input.</summary>
[Collection("console")]
public class BenchRidgeCommandTests
{
    static CliRun Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void WritesResultAndTheDataItWasMeasuredOn()
    {
        string folder = Directory.CreateTempSubdirectory("bench-ridge-").FullName;
        try
        {
            var (code, output, _) = Run("bench", "ridge", "--rows", "300", "--features", "40", "--alphas", "5", "--json", "--write-npy", folder);
            Assert.Equal(ExitCodes.Ok, code);
            using var json = JsonDocument.Parse(output);
            Assert.Equal(5, json.RootElement.GetProperty("alphas").GetArrayLength());
            Assert.Equal("Covariance", json.RootElement.GetProperty("solver").ToString());
            using var features = NpyFile.Read(Path.Combine(folder, "features.npy"));
            using var targets = NpyFile.Read(Path.Combine(folder, "targets.npy"));
            Assert.Equal([300L, 40L], features.shape);
            Assert.Equal(ScalarType.Float64, targets.dtype);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void RejectsAnEmptyShape()
    {
        var (code, _, _) = Run("bench", "ridge", "--rows", "1");
        Assert.Equal(ExitCodes.BadInput, code);
    }
}
