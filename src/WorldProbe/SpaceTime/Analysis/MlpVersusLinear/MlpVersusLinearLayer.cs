namespace WorldProbe.SpaceTime.Analysis;

/// <summary>One layer of <see cref="MlpVersusLinear"/>: both probes' test scores.</summary>
/// <param name="Layer">Layer j = after j blocks.</param>
/// <param name="RidgeAlpha">The ridge probe's leave-one-out alpha.</param>
/// <param name="Ridge">The ridge probe's test scores.</param>
/// <param name="StandardizedRidgeAlpha">Leave-one-out alpha of ridge on standardized features.</param>
/// <param name="StandardizedRidge">Test scores of ridge on features standardized with the training mean and std (as the MLP sees them).</param>
/// <param name="Mlp">The MLP probe's test scores.</param>
/// <param name="MlpWeightDecay">The weight decay the validation split chose.</param>
/// <param name="MlpBestEpoch">The kept epoch (1-based).</param>
/// <param name="MlpSeconds">Wall time of the MLP fit (all weight decays).</param>
public sealed record MlpVersusLinearLayer(int Layer, double RidgeAlpha, HeldOutScores Ridge, double StandardizedRidgeAlpha, HeldOutScores StandardizedRidge, HeldOutScores Mlp, double MlpWeightDecay, int MlpBestEpoch, double MlpSeconds);
