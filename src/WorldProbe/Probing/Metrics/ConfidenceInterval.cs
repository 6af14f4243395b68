namespace WorldProbe.Probing.Metrics;

/// <summary>A statistic on all rows with its bootstrap percentile interval.</summary>
/// <param name="Estimate">The statistic on the original rows.</param>
/// <param name="Low">Lower percentile of the resampled statistics.</param>
/// <param name="High">Upper percentile.</param>
/// <param name="Confidence">Nominal coverage.</param>
/// <param name="Resamples">Resamples whose statistic was finite (the others are left out).</param>
public sealed record ConfidenceInterval(double Estimate, double Low, double High, double Confidence, int Resamples)
{
    /// <summary>True when <paramref name="value"/> lies in [Low, High].</summary>
    public bool Contains(double value) => value >= Low && value <= High;
}
