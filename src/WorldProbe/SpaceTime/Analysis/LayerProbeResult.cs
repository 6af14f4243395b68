namespace WorldProbe.SpaceTime.Analysis;

/// <summary>One layer's ridge probe, scored on the dataset's test rows.</summary>
/// <param name="Layer">Layer j = the residual stream after j blocks.</param>
/// <param name="Alpha">The alpha leave-one-out chose on the training rows.</param>
/// <param name="AlphaOnGridEdge">True when that alpha is at an edge of the grid.</param>
/// <param name="TrainLeaveOneOutError">Mean leave-one-out squared error on the training rows (standardized targets) at that alpha: how layers are compared without looking at the test rows.</param>
/// <param name="RSquared">Test R², mean over outputs.</param>
/// <param name="RSquaredPerOutput">Test R² of each output ([longitude, latitude] or [year]).</param>
/// <param name="Pearson">Pearson correlation, mean over outputs.</param>
/// <param name="Spearman">Spearman correlation, mean over outputs.</param>
/// <param name="MeanAbsoluteError">Mean absolute error of each output (degrees or years).</param>
/// <param name="GreatCircleKm">Mean great-circle error in km (places only).</param>
/// <param name="ProximityError">Mean proximity error (0 perfect, about 0.5 chance).</param>
/// <param name="ControlRSquared">Test R² of the same probe fitted on shuffled training targets.</param>
/// <param name="ControlProximityError">Proximity error of that control.</param>
public sealed record LayerProbeResult(
    int Layer,
    double Alpha,
    bool AlphaOnGridEdge,
    double TrainLeaveOneOutError,
    ScoreWithInterval RSquared,
    double[] RSquaredPerOutput,
    ScoreWithInterval Pearson,
    ScoreWithInterval Spearman,
    double[] MeanAbsoluteError,
    ScoreWithInterval? GreatCircleKm,
    ScoreWithInterval ProximityError,
    double ControlRSquared,
    double ControlProximityError);
