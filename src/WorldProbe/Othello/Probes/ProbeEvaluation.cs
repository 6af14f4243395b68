using WorldProbe.Probing.Metrics;

namespace WorldProbe.Othello.Probes;

/// <summary>A probe's test-set results: counts per test game (for the bootstrap) and per square (for heat maps).</summary>
/// <param name="CorrectPerSquare">Correct predictions per square over all test positions [64].</param>
/// <param name="PositionsTested">Test positions.</param>
/// <param name="MajorityAccuracy">Accuracy of always predicting each square's most common training class (the floor a probe must beat).</param>
/// <param name="Classes">Classes of the target.</param>
/// <param name="CorrectPerGameClass">Correct predictions per test game and true class, [games x classes] row-major.</param>
/// <param name="CountPerGameClass">Squares per test game and true class, [games x classes] row-major.</param>
public sealed record ProbeEvaluation(double[] CorrectPerSquare, long PositionsTested, double MajorityAccuracy,
                                     int Classes, double[] CorrectPerGameClass, double[] CountPerGameClass)
{
    /// <summary>Correct square predictions per test game.</summary>
    public double[] CorrectPerGame => SumOverClasses(CorrectPerGameClass);

    /// <summary>Square predictions per test game (positions x 64).</summary>
    public double[] SquaresPerGame => SumOverClasses(CountPerGameClass);

    /// <summary>Accuracy over all test squares with its 95% interval (bootstrap over test games).</summary>
    public ConfidenceInterval Accuracy(int seed = 0) => Bootstrap.RatioOfSums(CorrectPerGame, SquaresPerGame, new BootstrapOptions(Seed: seed));

    /// <summary>
    /// Balanced accuracy (the mean over classes of the share of that class's squares read correctly) with its 95% interval
    /// (bootstrap over test games). For sparse targets (flipped, legal) plain accuracy sits near the majority floor
    /// whatever the probe does; here always answering the majority class scores 1 / classes.
    /// </summary>
    public ConfidenceInterval BalancedAccuracy(int seed = 0) =>
        Bootstrap.PercentileInterval(CountPerGameClass.Length / Classes, rows =>
        {
            var right = new double[Classes];
            var total = new double[Classes];
            foreach (long game in rows.data<long>())
                for (int c = 0; c < Classes; c++)
                {
                    right[c] += CorrectPerGameClass[game * Classes + c];
                    total[c] += CountPerGameClass[game * Classes + c];
                }
            return Enumerable.Range(0, Classes).Where(c => total[c] > 0).Average(c => right[c] / total[c]);
        }, new BootstrapOptions(Seed: seed));

    /// <summary>Accuracy of each square [64].</summary>
    public double[] SquareAccuracy => CorrectPerSquare.Select(c => PositionsTested == 0 ? double.NaN : c / PositionsTested).ToArray();

    double[] SumOverClasses(double[] perGameClass) =>
        Enumerable.Range(0, perGameClass.Length / Classes).Select(g => Enumerable.Range(0, Classes).Sum(c => perGameClass[g * Classes + c])).ToArray();
}
