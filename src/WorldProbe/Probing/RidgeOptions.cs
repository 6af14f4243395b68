using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>How a <see cref="RidgeProbe"/> is fitted; also its trainer.</summary>
public sealed record RidgeOptions : IRegressionProbeTrainer
{
    /// <summary>Alphas tried by leave-one-out cross-validation, increasing (default <see cref="AlphaGrid.Default"/>).</summary>
    public double[] Alphas { get; init; } = AlphaGrid.Default;

    /// <summary>Choose an alpha per output instead of one alpha for all outputs (the default, chosen by the mean over standardized outputs).</summary>
    public bool AlphaPerOutput { get; init; }

    /// <summary>Which matrix to decompose.</summary>
    public RidgeSolver Solver { get; init; } = RidgeSolver.Auto;

    /// <summary>Compute device ("cpu", "cuda"); the features' device when null.</summary>
    public string? Device { get; init; }

    /// <summary>
    /// libtorch threads during the eigendecomposition (default 1; null keeps libtorch's setting). The
    /// multi-threaded eigh was 10-25x slower than one thread on a busy 2-core machine; raise it on a
    /// large idle machine.
    /// </summary>
    public int? EigenThreads { get; init; } = 1;

    /// <inheritdoc/>
    public string Name => "ridge";

    /// <inheritdoc/>
    public IRegressionProbe Fit(Tensor features, Tensor targets, IProgressSink? progress = null) =>
        RidgeProbe.Fit(features, targets, this, progress);
}
