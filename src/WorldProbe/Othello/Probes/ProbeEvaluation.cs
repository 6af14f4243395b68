using WorldProbe.Probing.Metrics;

namespace WorldProbe.Othello.Probes;

/// <summary>A probe's test-set results: counts per test game (for the bootstrap) and per square (for heat maps).</summary>
/// <param name="CorrectPerGame">Correct square predictions per test game.</param>
/// <param name="SquaresPerGame">Square predictions per test game (positions x 64).</param>
/// <param name="CorrectPerSquare">Correct predictions per square over all test positions [64].</param>
/// <param name="PositionsTested">Test positions.</param>
/// <param name="MajorityAccuracy">Accuracy of always predicting each square's most common training class (the floor a probe must beat).</param>
public sealed record ProbeEvaluation(double[] CorrectPerGame, double[] SquaresPerGame, double[] CorrectPerSquare, long PositionsTested, double MajorityAccuracy)
{
    /// <summary>Accuracy over all test squares with its 95% interval (bootstrap over test games).</summary>
    public ConfidenceInterval Accuracy(int seed = 0) => Bootstrap.RatioOfSums(CorrectPerGame, SquaresPerGame, new BootstrapOptions(Seed: seed));

    /// <summary>Accuracy of each square [64].</summary>
    public double[] SquareAccuracy => CorrectPerSquare.Select(c => PositionsTested == 0 ? double.NaN : c / PositionsTested).ToArray();
}
