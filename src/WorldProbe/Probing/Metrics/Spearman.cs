using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Spearman rank correlation: the Pearson correlation of the ranks, tied values sharing the average
/// of the ranks they span (as scipy.stats.spearmanr).
/// </summary>
public static class Spearman
{
    /// <summary>rho of two vectors [n].</summary>
    public static double Correlation(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        return Pearson.Correlation(AverageRanks(x), AverageRanks(y));
    }

    /// <summary>1-based ranks [n], ties given the mean of their ranks: (below + below_or_equal + 1) / 2.</summary>
    public static Tensor AverageRanks(Tensor values)
    {
        using var scope = NewDisposeScope();
        // searchsorted wants contiguous inputs (a column slice of a matrix is not).
        var v = values.to_type(ScalarType.Float64).flatten().contiguous();
        var sorted = v.sort().Values;
        var below = searchsorted(sorted, v, right: false).to_type(ScalarType.Float64);
        var belowOrEqual = searchsorted(sorted, v, right: true).to_type(ScalarType.Float64);
        return ((below + belowOrEqual + 1) / 2).MoveToOuterDisposeScope();
    }
}
