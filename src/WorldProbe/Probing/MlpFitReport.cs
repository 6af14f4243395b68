namespace WorldProbe.Probing;

/// <summary>What the MLP probe's training found.</summary>
/// <param name="WeightDecays">The weight decays tried.</param>
/// <param name="ValidationLoss">Best validation mean squared error (standardized targets) per weight decay.</param>
/// <param name="BestEpoch">Epoch (1-based) of that best loss, per weight decay.</param>
/// <param name="ChosenWeightDecay">The weight decay of the kept model.</param>
/// <param name="TrainingRows">Rows the kept model was trained on.</param>
/// <param name="ValidationRows">Rows held out for the choice.</param>
/// <param name="FitSeconds">Wall time of the whole fit.</param>
public sealed record MlpFitReport(
    double[] WeightDecays,
    double[] ValidationLoss,
    int[] BestEpoch,
    double ChosenWeightDecay,
    long TrainingRows,
    long ValidationRows,
    double FitSeconds);
