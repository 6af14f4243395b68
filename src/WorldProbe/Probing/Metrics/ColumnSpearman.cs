using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Spearman correlation of every column of a matrix with one vector at once (each neuron's activation
/// with a target): the same numbers as <see cref="Spearman.Correlation"/> column by column, ties sharing
/// their average rank; NaN for a constant column.
/// </summary>
public static class ColumnSpearman
{
    /// <summary>rho of each column of <paramref name="columns"/> [n, c] with <paramref name="target"/> [n]: [c].</summary>
    public static double[] Correlations(Tensor columns, Tensor target)
    {
        using var scope = NewDisposeScope();
        if (columns.dim() != 2 || target.numel() != columns.shape[0])
            throw new ArgumentException($"ColumnSpearman: columns [n, c] and target [n] needed; got [{string.Join(", ", columns.shape)}] and [{string.Join(", ", target.shape)}].");
        var ranks = AverageRanksByColumn(columns);                  // [c, n]
        var targetRanks = Spearman.AverageRanks(target);            // [n]
        var x = ranks - ranks.mean([1L], keepdim: true);
        var y = targetRanks - targetRanks.mean();
        var numerator = x.matmul(y);                                 // [c]
        var denominator = (x.square().sum(1L) * y.square().sum()).sqrt();
        double[] top = numerator.data<double>().ToArray(), bottom = denominator.data<double>().ToArray();
        return top.Select((value, i) => bottom[i] > 0 ? value / bottom[i] : double.NaN).ToArray();
    }

    /// <summary>1-based average ranks of each column of [n, c], returned as [c, n].</summary>
    static Tensor AverageRanksByColumn(Tensor columns)
    {
        // searchsorted searches row by row in a batch of sorted rows, so rank the transpose.
        var values = columns.to_type(ScalarType.Float64).t().contiguous(); // [c, n]
        var sorted = values.sort(-1).Values;
        var below = searchsorted(sorted, values, right: false).to_type(ScalarType.Float64);
        var belowOrEqual = searchsorted(sorted, values, right: true).to_type(ScalarType.Float64);
        return (below + belowOrEqual + 1) / 2;
    }
}
