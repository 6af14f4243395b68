namespace WorldProbe.SpaceTime.Analysis;

/// <summary>Scores of one probe on a set of held-out rows, each with its 95% bootstrap interval over those rows.</summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="RSquared">R², mean over outputs, on these rows (their own mean as the baseline).</param>
/// <param name="ProximityError">Mean proximity error of these rows, each compared with every row of the comparison set (see <see cref="HeldOutScoring"/>).</param>
/// <param name="MeanError">Mean error: great-circle km for places, |years| for times.</param>
public sealed record HeldOutScores(int Rows, ScoreWithInterval RSquared, ScoreWithInterval ProximityError, ScoreWithInterval MeanError);
