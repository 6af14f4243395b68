using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// Ridge solutions and their exact leave-one-out errors for every alpha of a grid, from one
/// eigendecomposition (see <see cref="RidgeLeaveOneOut"/>). Targets are in standardized units.
/// Owns its tensors.
/// </summary>
public sealed class RidgePath : IDisposable
{
    /// <summary>The alphas, increasing.</summary>
    public required double[] Alphas { get; init; }

    /// <summary>Training mean of each feature [d], float64: the fitted intercept is mean(y) - FeatureMean . w.</summary>
    public required Tensor FeatureMean { get; init; }

    /// <summary>Coefficients on centered features for every alpha [d, alphas, k], float64.</summary>
    public required Tensor Coefficients { get; init; }

    /// <summary>Mean over rows of the squared leave-one-out residual, [alpha][output].</summary>
    public required double[][] LeaveOneOutSquaredError { get; init; }

    /// <summary>Leave-one-out residuals y_i - yhat_(-i) [n, alphas, k], when they were asked for.</summary>
    public Tensor? Residuals { get; init; }

    /// <summary>Wall seconds of each phase: the matrix product, the eigendecomposition, the leave-one-out pass.</summary>
    public required RidgePhaseSeconds Seconds { get; init; }

    /// <summary>The decomposition that was used.</summary>
    public required RidgeSolver Solver { get; init; }

    /// <summary>Frees the tensors.</summary>
    public void Dispose()
    {
        FeatureMean.Dispose();
        Coefficients.Dispose();
        Residuals?.Dispose();
    }
}

/// <summary>Where a leave-one-out ridge fit spends its time.</summary>
/// <param name="Product">Building X_c^T X_c (or X_c X_c^T).</param>
/// <param name="Eigendecomposition">torch.linalg.eigh of that matrix.</param>
/// <param name="LeaveOneOut">Leverages, residuals and coefficients for every alpha.</param>
public sealed record RidgePhaseSeconds(double Product, double Eigendecomposition, double LeaveOneOut);
