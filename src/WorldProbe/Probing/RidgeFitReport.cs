namespace WorldProbe.Probing;

/// <summary>What the leave-one-out search found, for the run's record and the reader's warning.</summary>
/// <param name="Alphas">The grid, increasing.</param>
/// <param name="LeaveOneOutError">Mean squared leave-one-out error in standardized units, [alpha][output].</param>
/// <param name="MeanLeaveOneOutError">The same averaged over outputs, per alpha: what one shared alpha minimizes.</param>
/// <param name="ChosenAlpha">The alpha of each output (all equal unless alpha per output was asked).</param>
/// <param name="ChosenIndex">Grid index of each output's alpha.</param>
/// <param name="AlphaOnGridEdge">True when a chosen alpha is the smallest or largest of the grid: the optimum may lie outside it.</param>
/// <param name="Warning">A sentence for the reader when <paramref name="AlphaOnGridEdge"/>; null otherwise.</param>
/// <param name="Solver">The decomposition used.</param>
/// <param name="Rows">Training rows n.</param>
/// <param name="Features">Features d.</param>
/// <param name="Outputs">Outputs k.</param>
/// <param name="FitSeconds">Wall time of the whole fit.</param>
/// <param name="PhaseSeconds">Where that time went.</param>
public sealed record RidgeFitReport(
    double[] Alphas,
    double[][] LeaveOneOutError,
    double[] MeanLeaveOneOutError,
    double[] ChosenAlpha,
    int[] ChosenIndex,
    bool AlphaOnGridEdge,
    string? Warning,
    RidgeSolver Solver,
    long Rows,
    long Features,
    long Outputs,
    double FitSeconds,
    RidgePhaseSeconds PhaseSeconds);
