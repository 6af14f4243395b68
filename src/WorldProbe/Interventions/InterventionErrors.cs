using WorldProbe.Probing.Metrics;

namespace WorldProbe.Interventions;

/// <summary>
/// One setting's errors over a set of benchmark cases, and how many times smaller they are than the null baseline's
/// errors on the same cases. Intervals are 95% bootstraps over cases; the ratio resamples (null, setting) pairs together.
/// </summary>
/// <param name="Cases">Cases scored.</param>
/// <param name="Mean">Mean symmetric difference against the edited board's legal moves.</param>
/// <param name="Low">Lower end of its interval.</param>
/// <param name="High">Upper end.</param>
/// <param name="NullRatio">Null baseline's total error / this setting's total error (1 for the baseline itself; above 1 = better than not intervening).</param>
/// <param name="NullRatioLow">Lower end of the ratio's interval.</param>
/// <param name="NullRatioHigh">Upper end.</param>
public sealed record InterventionErrors(int Cases, double Mean, double Low, double High, double NullRatio, double NullRatioLow, double NullRatioHigh)
{
    /// <summary>Summarises <paramref name="errors"/> against <paramref name="nullErrors"/> (same cases, same order).</summary>
    public static InterventionErrors Create(IReadOnlyList<double> errors, IReadOnlyList<double> nullErrors)
    {
        if (errors.Count == 0) return new InterventionErrors(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        var mean = Bootstrap.Mean(errors);
        var ratio = Bootstrap.RatioOfSums(nullErrors, errors);
        return new InterventionErrors(errors.Count, mean.Estimate, mean.Low, mean.High, ratio.Estimate, ratio.Low, ratio.High);
    }
}
