namespace WorldProbe.Probing;

/// <summary>A point estimate with its 95% confidence interval.</summary>
/// <param name="Value">The estimate on the whole sample.</param>
/// <param name="Low">2.5th percentile of the bootstrap distribution.</param>
/// <param name="High">97.5th percentile of the bootstrap distribution.</param>
public sealed record Interval(double Value, double Low, double High);

/// <summary>
/// Percentile bootstrap of a ratio of sums (correct / total) over independent units (games): positions of one game are
/// correlated, so games, not positions, are resampled.
/// </summary>
public static class GameBootstrap
{
    /// <summary>Resamples the units <paramref name="replicates"/> times with a fixed seed; returns sum(numerators)/sum(denominators) with its 95% interval.</summary>
    public static Interval Ratio(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, int replicates = 1000, int seed = 0)
    {
        if (numerators.Count != denominators.Count) throw new ArgumentException("one numerator per denominator", nameof(denominators));
        int units = numerators.Count;
        if (units == 0) return new Interval(double.NaN, double.NaN, double.NaN);
        double value = numerators.Sum() / denominators.Sum();
        var random = new Random(seed);
        var estimates = new double[replicates];
        for (int r = 0; r < replicates; r++)
        {
            double top = 0, bottom = 0;
            for (int i = 0; i < units; i++)
            {
                int pick = random.Next(units);
                top += numerators[pick];
                bottom += denominators[pick];
            }
            estimates[r] = bottom == 0 ? double.NaN : top / bottom;
        }
        Array.Sort(estimates);
        return new Interval(value, Percentile(estimates, 0.025), Percentile(estimates, 0.975));
    }

    /// <summary>The mean of <paramref name="values"/> (one per unit) with its bootstrap 95% interval.</summary>
    public static Interval Mean(IReadOnlyList<double> values, int replicates = 1000, int seed = 0) =>
        Ratio(values, values.Select(_ => 1.0).ToArray(), replicates, seed);

    static double Percentile(double[] sorted, double q)
    {
        double position = q * (sorted.Length - 1);
        int below = (int)Math.Floor(position);
        int above = Math.Min(below + 1, sorted.Length - 1);
        return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
    }
}
