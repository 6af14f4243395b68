using System.Diagnostics;
using WorldProbe.Activations;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>Shape and seed of the ridge benchmark's synthetic data.</summary>
/// <param name="Rows">n.</param>
/// <param name="Features">d.</param>
/// <param name="Outputs">k.</param>
/// <param name="AlphaCount">Size of the log grid 10^0.8..10^4.5 (the original work's range).</param>
/// <param name="Seed">Seed of the data.</param>
public sealed record RidgeBenchmarkSettings(int Rows = 40_000, int Features = 4096, int Outputs = 2, int AlphaCount = 12, long Seed = 0);

/// <summary>What one benchmark run measured.</summary>
/// <param name="Settings">The data's shape.</param>
/// <param name="Threads">libtorch intra-op threads.</param>
/// <param name="Machine">The machine, in words.</param>
/// <param name="Solver">The decomposition used.</param>
/// <param name="DataSeconds">Time to make the data.</param>
/// <param name="FitSeconds">Time of the leave-one-out fit over the whole grid.</param>
/// <param name="PhaseSeconds">Where the fit time went.</param>
/// <param name="Alphas">The grid.</param>
/// <param name="MeanLeaveOneOutError">Mean squared leave-one-out error per alpha (standardized targets).</param>
/// <param name="ChosenAlpha">The alpha with the smallest error.</param>
/// <param name="AlphaOnGridEdge">Whether it lies on the grid's edge.</param>
public sealed record RidgeBenchmarkResult(RidgeBenchmarkSettings Settings, int Threads, string Machine, RidgeSolver Solver,
    double DataSeconds, double FitSeconds, RidgePhaseSeconds PhaseSeconds, double[] Alphas, double[] MeanLeaveOneOutError, double ChosenAlpha, bool AlphaOnGridEdge);

/// <summary>
/// Times <see cref="RidgeProbe.Fit"/> on synthetic activation-like data: float32 features with a
/// few strong shared directions on top of unit noise, targets a random linear map of them plus
/// noise (signal-to-noise such that the best alpha is near 300, inside the default benchmark grid).
/// Can write the data as .npy so scikit-learn's RidgeCV can be timed on the very same numbers
/// (bench/compare/ridge_sklearn.py).
/// </summary>
public static class RidgeBenchmark
{
    /// <summary>Features [n, d] float32 and targets [n, k] float64, deterministic for a seed.</summary>
    public static (Tensor Features, Tensor Targets) SyntheticData(RidgeBenchmarkSettings settings)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)settings.Seed);
        int n = settings.Rows, d = settings.Features, k = settings.Outputs;
        var latent = randn(n, 16, generator: generator); // [n, 16]
        var mixing = randn(16, d, generator: generator) * 0.5; // [16, d]
        var features = randn(n, d, generator: generator).add_(latent.mm(mixing)); // [n, d]
        var weights = randn(d, k, ScalarType.Float64, generator: generator) / Math.Sqrt(d); // [d, k]
        var noise = randn(n, k, ScalarType.Float64, generator: generator) * Math.Sqrt(300.0 / d);
        var targets = features.to(ScalarType.Float64).mm(weights).add_(noise);
        return (features.MoveToOuterDisposeScope(), targets.MoveToOuterDisposeScope());
    }

    /// <summary>Makes the data, optionally writes features.npy and targets.npy into <paramref name="npyFolder"/>, and times the fit.</summary>
    public static RidgeBenchmarkResult Run(RidgeBenchmarkSettings settings, string? npyFolder = null, IProgressSink? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var (features, targets) = SyntheticData(settings);
        using var _ = features;
        using var __ = targets;
        double dataSeconds = watch.Elapsed.TotalSeconds;
        if (npyFolder is not null)
        {
            NpyFile.Write(Path.Combine(npyFolder, "features.npy"), features);
            NpyFile.Write(Path.Combine(npyFolder, "targets.npy"), targets);
        }
        var options = new RidgeOptions { Alphas = AlphaGrid.Log(0.8, 4.5, settings.AlphaCount) };
        using var probe = RidgeProbe.Fit(features, targets, options, progress);
        var report = probe.Report;
        return new RidgeBenchmarkResult(settings, get_num_threads(), BuildInfo.Machine, report.Solver, dataSeconds, report.FitSeconds, report.PhaseSeconds,
            report.Alphas, report.MeanLeaveOneOutError, report.ChosenAlpha[0], report.AlphaOnGridEdge);
    }
}
