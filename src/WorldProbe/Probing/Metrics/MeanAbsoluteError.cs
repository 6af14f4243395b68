using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>Mean absolute error per output: MAE = mean_i |y_i - yhat_i|, in the targets' units.</summary>
public static class MeanAbsoluteError
{
    /// <summary>MAE of each output; truth and predicted are [n] or [n, k].</summary>
    public static double[] PerOutput(Tensor truth, Tensor predicted)
    {
        using var scope = NewDisposeScope();
        return (RSquared.AsColumns(truth) - RSquared.AsColumns(predicted)).abs().mean([0L]).data<double>().ToArray();
    }
}
