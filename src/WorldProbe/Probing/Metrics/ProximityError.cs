using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Proximity error of test entity i: the fraction of the other test entities j (j != i) whose
/// prediction yhat_j lies strictly closer to i's true position y_i than i's own prediction does,
/// mean over j != i of 1[d(y_i, yhat_j) &lt; d(y_i, yhat_i)]. 0 is perfect, about 0.5 is chance.
/// d is the great-circle distance for places and |a - b| for years. This is the one definition
/// WorldProbe uses (the original work mixed two). Computed in chunks of i, so memory stays at
/// chunk x n distances.
/// </summary>
public static class ProximityError
{
    const long ChunkElements = 1L << 22;

    /// <summary>Per-entity proximity error [n] for places; degrees in, float64 out. The score is its mean.</summary>
    public static Tensor ForPlaces(Tensor trueLatitude, Tensor trueLongitude, Tensor predictedLatitude, Tensor predictedLongitude) =>
        Compute(trueLatitude.shape[0], (start, rows) =>
            GreatCircle.DistanceKm(
                trueLatitude.narrow(0, start, rows).unsqueeze(1), trueLongitude.narrow(0, start, rows).unsqueeze(1),
                predictedLatitude.unsqueeze(0), predictedLongitude.unsqueeze(0)));

    /// <summary>Per-entity proximity error [n] for scalar targets such as years, with d = |a - b|.</summary>
    public static Tensor ForScalars(Tensor truth, Tensor predicted) =>
        Compute(truth.shape[0], (start, rows) =>
            (truth.narrow(0, start, rows).to_type(ScalarType.Float64).unsqueeze(1) - predicted.to_type(ScalarType.Float64).unsqueeze(0)).abs());

    /// <summary>Mean of <see cref="ForPlaces"/>.</summary>
    public static double MeanForPlaces(Tensor trueLatitude, Tensor trueLongitude, Tensor predictedLatitude, Tensor predictedLongitude)
    {
        using var perEntity = ForPlaces(trueLatitude, trueLongitude, predictedLatitude, predictedLongitude);
        return perEntity.mean().item<double>();
    }

    /// <summary>Mean of <see cref="ForScalars"/>.</summary>
    public static double MeanForScalars(Tensor truth, Tensor predicted)
    {
        using var perEntity = ForScalars(truth, predicted);
        return perEntity.mean().item<double>();
    }

    /// <param name="n">Number of entities (at least 2).</param>
    /// <param name="distances">For rows [start, start + rows) of i: d(y_i, yhat_j) for every j, [rows, n].</param>
    static Tensor Compute(long n, Func<long, long, Tensor> distances)
    {
        if (n < 2) throw new WorldProbeException("proximity error needs at least 2 test entities.");
        using var scope = NewDisposeScope();
        long chunk = Math.Max(1, ChunkElements / n);
        var parts = new List<Tensor>();
        for (long start = 0; start < n; start += chunk)
        {
            using var step = NewDisposeScope();
            long rows = Math.Min(chunk, n - start);
            var d = distances(start, rows); // [rows, n]
            var own = d.gather(1, arange(start, start + rows, dtype: ScalarType.Int64, device: d.device).unsqueeze(1)); // [rows, 1]
            // j = i never counts: d(y_i, yhat_i) < itself is false.
            var closer = (d < own).sum(1, type: ScalarType.Float64) / (n - 1); // [rows]
            parts.Add(closer.MoveToOuterDisposeScope());
        }
        return cat(parts, 0).MoveToOuterDisposeScope();
    }
}
