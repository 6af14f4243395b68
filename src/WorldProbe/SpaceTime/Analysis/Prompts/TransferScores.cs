namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Scores of one probe on the test rows of one prompt's activations, each with its 95% bootstrap
/// interval over test rows: R², proximity error and mean error (<see cref="HeldOutScores"/>), and the
/// Spearman correlation the paper reports for prompt changes (mean over outputs).
/// </summary>
/// <param name="Scores">R², proximity error and mean error (km or years).</param>
/// <param name="Spearman">Spearman correlation, mean over outputs.</param>
public sealed record TransferScores(HeldOutScores Scores, ScoreWithInterval Spearman);
