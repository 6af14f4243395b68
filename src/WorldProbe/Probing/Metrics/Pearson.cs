using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Pearson correlation r = sum (x - mean x)(y - mean y) / sqrt(sum (x - mean x)^2 sum (y - mean y)^2);
/// NaN when either side is constant.
/// </summary>
public static class Pearson
{
    /// <summary>r of two vectors [n].</summary>
    public static double Correlation(Tensor x, Tensor y)
    {
        using var scope = NewDisposeScope();
        var a = x.to_type(ScalarType.Float64).flatten();
        var b = y.to_type(ScalarType.Float64).flatten();
        if (a.shape[0] != b.shape[0]) throw new ArgumentException($"Pearson: lengths differ ({a.shape[0]} and {b.shape[0]}).");
        a = a - a.mean();
        b = b - b.mean();
        double denominator = Math.Sqrt(a.square().sum().item<double>() * b.square().sum().item<double>());
        return denominator > 0 ? (a * b).sum().item<double>() / denominator : double.NaN;
    }
}
