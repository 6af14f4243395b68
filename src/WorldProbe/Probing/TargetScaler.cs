using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// Z-scores targets with the training rows' mean and population standard deviation (ddof 0, as
/// scikit-learn's StandardScaler), so that one alpha and one loss treat every output alike. A
/// constant output keeps a scale of 1 rather than dividing by zero.
/// </summary>
/// <param name="Mean">Training mean per output.</param>
/// <param name="Scale">Training standard deviation per output (1 where it was 0).</param>
public sealed record TargetScaler(double[] Mean, double[] Scale)
{
    /// <summary>Measures the mean and scale of <paramref name="targets"/> [n, k].</summary>
    public static TargetScaler Fit(Tensor targets)
    {
        using var scope = NewDisposeScope();
        var y = targets.to_type(ScalarType.Float64); // [n, k]
        var mean = y.mean([0L]);
        var scale = y.std(0, unbiased: false);
        scale = where(scale > 0, scale, ones_like(scale));
        return new TargetScaler(mean.cpu().data<double>().ToArray(), scale.cpu().data<double>().ToArray());
    }

    /// <summary>Number of outputs.</summary>
    public int OutputCount => Mean.Length;

    /// <summary>(y - mean) / scale, float64 on <paramref name="targets"/>' device.</summary>
    public Tensor Transform(Tensor targets)
    {
        using var scope = NewDisposeScope();
        var y = targets.to_type(ScalarType.Float64);
        var result = (y - tensor(Mean, device: y.device)) / tensor(Scale, device: y.device);
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>z * scale + mean, float64: back to the original units.</summary>
    public Tensor InverseTransform(Tensor standardized)
    {
        using var scope = NewDisposeScope();
        var z = standardized.to_type(ScalarType.Float64);
        var result = z * tensor(Scale, device: z.device) + tensor(Mean, device: z.device);
        return result.MoveToOuterDisposeScope();
    }
}
