using WorldProbe.Probing.Metrics;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Scores predictions the same way in every experiment. Proximity error and the per-row error are
/// computed over a comparison set (the test rows, all predicted by one probe), then averaged over the
/// rows of interest (all of them, or one held-out block), so the same entities can be compared across
/// probes on equal terms. Intervals: percentile bootstrap over the rows of interest.
/// </summary>
public static class HeldOutScoring
{
    /// <summary>Per-row proximity error [m] and error [m] (km or |years|) of predictions [m, k] against truth [m, k].</summary>
    public static (Tensor Proximity, Tensor Error) PerRow(Tensor truth, Tensor predicted, bool place)
    {
        if (place) // targets are [longitude, latitude]
            return (ProximityError.ForPlaces(truth[.., 1], truth[.., 0], predicted[.., 1], predicted[.., 0]),
                GreatCircle.DistanceKm(truth[.., 1], truth[.., 0], predicted[.., 1], predicted[.., 0]));
        return (ProximityError.ForScalars(truth[.., 0], predicted[.., 0]), (truth[.., 0] - predicted[.., 0]).abs().to_type(ScalarType.Float64));
    }

    /// <summary>
    /// Scores of the rows <paramref name="subset"/> (indices into the comparison set; null = all) of
    /// predictions [m, k] against truth [m, k].
    /// </summary>
    public static HeldOutScores Score(Tensor truth, Tensor predicted, bool place, BootstrapOptions bootstrap, long[]? subset = null)
    {
        using var scope = NewDisposeScope();
        var (proximity, error) = PerRow(truth, predicted, place);
        if (subset is null) return FromRows(truth, predicted, proximity, error, bootstrap);
        var rows = tensor(subset);
        return FromRows(truth.index_select(0, rows), predicted.index_select(0, rows), proximity.index_select(0, rows), error.index_select(0, rows), bootstrap);
    }

    /// <summary>Scores from per-row values already computed (pooled over several comparison sets, for example).</summary>
    public static HeldOutScores FromRows(Tensor truth, Tensor predicted, Tensor proximity, Tensor error, BootstrapOptions bootstrap)
    {
        long n = truth.shape[0];
        ScoreWithInterval Interval(Func<Tensor, double> statistic)
        {
            var interval = Bootstrap.PercentileInterval(n, statistic, bootstrap);
            return new ScoreWithInterval(interval.Estimate, interval.Low, interval.High);
        }
        return new HeldOutScores((int)n,
            Interval(rows => RSquared.Average(truth.index_select(0, rows), predicted.index_select(0, rows))),
            Interval(rows => proximity.index_select(0, rows).mean().item<double>()),
            Interval(rows => error.index_select(0, rows).mean().item<double>()));
    }
}
