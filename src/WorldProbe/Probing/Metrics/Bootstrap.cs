using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Percentile bootstrap intervals for any score: resample rows (or whole groups, such as all places
/// of one country or all works of one creator, when rows are not independent) with replacement,
/// recompute the score, take the (1 - c)/2 and (1 + c)/2 percentiles (linear interpolation, as
/// numpy.percentile). Seeded and deterministic.
/// </summary>
public static class Bootstrap
{
    /// <summary>
    /// Interval of <paramref name="statistic"/>, which receives row indices (int64 [m], with repeats)
    /// and returns the score on those rows.
    /// </summary>
    /// <param name="rowCount">Number of rows n.</param>
    /// <param name="statistic">Score of a resample.</param>
    /// <param name="options">Resamples, confidence, seed.</param>
    /// <param name="groups">Group id per row [n]; groups are resampled whole when given.</param>
    public static ConfidenceInterval PercentileInterval(long rowCount, Func<Tensor, double> statistic, BootstrapOptions? options = null, IReadOnlyList<long>? groups = null)
    {
        options ??= new BootstrapOptions();
        if (rowCount < 1) throw new WorldProbeException("bootstrap needs at least one row.");
        if (options.Resamples < 1 || options.Confidence <= 0 || options.Confidence >= 1)
            throw new WorldProbeException($"bootstrap: resamples must be >= 1 and confidence in (0, 1); got {options.Resamples} and {options.Confidence}.");
        if (groups is not null && groups.Count != rowCount)
            throw new WorldProbeException($"bootstrap: {groups.Count} group ids for {rowCount} rows; give one group id per row.");

        double estimate;
        using (var all = arange(rowCount, dtype: ScalarType.Int64)) estimate = statistic(all);

        Tensor[]? groupRows = groups is null ? null : groups
            .Select((group, row) => (group, row: (long)row))
            .GroupBy(pair => pair.group, pair => pair.row)
            .Select(rows => tensor(rows.ToArray(), ScalarType.Int64))
            .ToArray();
        var generator = new Generator((ulong)options.Seed);
        var values = new List<double>(options.Resamples);
        try
        {
            for (int b = 0; b < options.Resamples; b++)
            {
                using var scope = NewDisposeScope();
                Tensor rows;
                if (groupRows is null) rows = randint(0, rowCount, [rowCount], ScalarType.Int64, generator: generator);
                else
                {
                    var drawn = randint(0, groupRows.Length, [groupRows.Length], ScalarType.Int64, generator: generator).data<long>().ToArray();
                    rows = cat(drawn.Select(g => groupRows[g]).ToArray(), 0);
                }
                double value = statistic(rows);
                if (double.IsFinite(value)) values.Add(value);
            }
        }
        finally
        {
            generator.Dispose();
            if (groupRows is not null) foreach (var t in groupRows) t.Dispose();
        }
        if (values.Count == 0) return new ConfidenceInterval(estimate, double.NaN, double.NaN, options.Confidence, 0);
        values.Sort();
        double tail = (1 - options.Confidence) / 2;
        return new ConfidenceInterval(estimate, Percentile(values, tail), Percentile(values, 1 - tail), options.Confidence, values.Count);
    }

    /// <summary>
    /// sum(numerators) / sum(denominators) over units (one entry each, e.g. correct squares and squares per
    /// game) with its interval, resampling units: rows inside a unit (positions of one game) are correlated,
    /// so whole units are drawn.
    /// </summary>
    public static ConfidenceInterval RatioOfSums(IReadOnlyList<double> numerators, IReadOnlyList<double> denominators, BootstrapOptions? options = null)
    {
        if (numerators.Count != denominators.Count)
            throw new WorldProbeException($"bootstrap: {numerators.Count} numerators for {denominators.Count} denominators; give one of each per unit.");
        using var top = tensor(numerators.ToArray(), ScalarType.Float64);
        using var bottom = tensor(denominators.ToArray(), ScalarType.Float64);
        return PercentileInterval(numerators.Count, rows => top.index_select(0, rows).sum().item<double>() / bottom.index_select(0, rows).sum().item<double>(), options);
    }

    /// <summary>The mean of one value per unit with its interval.</summary>
    public static ConfidenceInterval Mean(IReadOnlyList<double> values, BootstrapOptions? options = null)
    {
        using var all = tensor(values.ToArray(), ScalarType.Float64);
        return PercentileInterval(values.Count, rows => all.index_select(0, rows).mean().item<double>(), options);
    }

    /// <summary>numpy.percentile's default (linear) interpolation on sorted values; q in [0, 1].</summary>
    internal static double Percentile(List<double> sorted, double q)
    {
        double position = q * (sorted.Count - 1);
        int lower = (int)Math.Floor(position);
        int upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
