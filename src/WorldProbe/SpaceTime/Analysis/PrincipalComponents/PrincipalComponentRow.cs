namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The ridge probe on the top <paramref name="Components"/> principal components.</summary>
/// <param name="Components">k.</param>
/// <param name="VarianceExplained">Fraction of the training rows' variance in those k components.</param>
/// <param name="Alpha">Leave-one-out alpha.</param>
/// <param name="AlphaOnGridEdge">True when that alpha is at an edge of the grid.</param>
/// <param name="Scores">Test scores.</param>
public sealed record PrincipalComponentRow(int Components, double VarianceExplained, double Alpha, bool AlphaOnGridEdge, HeldOutScores Scores);
