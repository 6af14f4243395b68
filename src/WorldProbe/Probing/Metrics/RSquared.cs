using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Coefficient of determination as scikit-learn's r2_score: per output
/// R^2 = 1 - sum_i (y_i - yhat_i)^2 / sum_i (y_i - mean(y))^2, with the same convention for a
/// constant output (1 if predicted exactly, else 0); the average is the unweighted mean over outputs.
/// </summary>
public static class RSquared
{
    /// <summary>R^2 of each output; truth and predicted are [n] or [n, k].</summary>
    public static double[] PerOutput(Tensor truth, Tensor predicted)
    {
        using var scope = NewDisposeScope();
        var y = AsColumns(truth);
        var yhat = AsColumns(predicted);
        var residual = (y - yhat).square().sum(0L);
        var total = (y - y.mean([0L], keepdim: true)).square().sum(0L);
        var res = residual.data<double>().ToArray();
        var tot = total.data<double>().ToArray();
        return res.Select((r, o) => tot[o] > 0 ? 1 - r / tot[o] : r == 0 ? 1.0 : 0.0).ToArray();
    }

    /// <summary>The unweighted mean of <see cref="PerOutput"/> (r2_score's "uniform_average").</summary>
    public static double Average(Tensor truth, Tensor predicted) => PerOutput(truth, predicted).Average();

    internal static Tensor AsColumns(Tensor values)
    {
        var v = values.to_type(ScalarType.Float64).cpu();
        return v.dim() == 1 ? v.unsqueeze(1) : v;
    }
}
