using BenchmarkDotNet.Attributes;
using WorldProbe.Compute;
using WorldProbe.Probing;
using static TorchSharp.torch;

namespace WorldProbe.Bench;

/// <summary>
/// The ridge probe's leave-one-out alpha search over 12 alphas, on both decompositions. Kept small
/// so a run takes minutes; the full n = 40,000, d = 4,096 case is `worldprobe bench ridge`.
/// </summary>
[MemoryDiagnoser(false)]
public class RidgeLeaveOneOutBenchmarks
{
    Tensor features = null!, targets = null!;

    /// <summary>Rows x features: tall (covariance) and wide (Gram).</summary>
    [Params("8000x1024", "1024x4096")]
    public string Shape { get; set; } = "8000x1024";

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize();
        var parts = Shape.Split('x').Select(int.Parse).ToArray();
        (features, targets) = RidgeBenchmark.SyntheticData(new RidgeBenchmarkSettings(parts[0], parts[1]));
    }

    [Benchmark]
    public void FitTwelveAlphas()
    {
        using var probe = RidgeProbe.Fit(features, targets, new RidgeOptions { Alphas = AlphaGrid.GurneeTegmark });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        features.Dispose();
        targets.Dispose();
    }
}
