using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace WorldProbe.Compute;

/// <summary>
/// The machine's dense matrix-multiply rate through libtorch: the denominator of every model-FLOPs
/// utilization figure (6 x parameters x tokens per second over this rate).
/// </summary>
public static class MatmulRate
{
    /// <summary>Measured GFLOP/s of an n x n by n x n product (2 n^3 flops), best of <paramref name="repeats"/>.</summary>
    public static double Measure(int n = 2048, ScalarType dtype = ScalarType.Float32, int repeats = 5, Device? device = null)
    {
        TorchRuntime.Initialize();
        using var scope = NewDisposeScope();
        var a = randn(n, n, dtype: dtype, device: device);
        var b = randn(n, n, dtype: dtype, device: device);
        a.matmul(b).Dispose(); // warm-up: thread pool and caches
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            a.matmul(b).Dispose();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * (double)n / best / 1e9;
    }
}
