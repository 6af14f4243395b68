using WorldProbe.Probing;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Probes on the top k principal components of a layer: how much of the signal lives in the
/// directions of largest variance? The components come from an SVD of the training rows only
/// (centered with their mean); train and test rows are projected on the first k, and a ridge probe
/// (leave-one-out alpha) is fitted on the training projections. With k = d_model the projection is a
/// rotation, and ridge (whose penalty is rotation invariant) gives the full probe back.
/// </summary>
public static class PrincipalComponentProbe
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "pca";

    /// <summary>Runs the curve at <see cref="SpaceExperimentOptions.Layer"/> (default: the best layer by training leave-one-out error).</summary>
    public static PrincipalComponentResults Run(ProbeData data, SpaceExperimentOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceExperimentOptions();
        progress ??= IProgressSink.Silent;
        int layer = LayerSelection.Resolve(data, options.Layer, options.Ridge, progress);
        using var scope = NewDisposeScope();
        var features = data.ReadLayer(layer).to_type(ScalarType.Float64);
        var train = tensor(data.Train);
        var test = tensor(data.Test);
        var trainFeatures = features.index_select(0, train);
        var mean = trainFeatures.mean([0L]);
        var centered = trainFeatures - mean; // [n, d]
        var (_, singular, vectorsT) = linalg.svd(centered, fullMatrices: false); // singular [r], vectorsT [r, d]
        var variance = singular.square();
        double totalVariance = variance.sum().item<double>();
        var cumulative = variance.cumsum(0) / totalVariance;
        var testCentered = features.index_select(0, test) - mean;
        var trainTargets = data.Targets.index_select(0, train);
        var testTargets = data.Targets.index_select(0, test);
        long rank = singular.shape[0];
        long d = features.shape[1];
        var ks = options.Components.Where(k => k >= 1).Select(k => (long)Math.Min(k, rank)).Append(rank).Distinct().Order().ToArray();

        var rows = new List<PrincipalComponentRow>();
        using var task = progress.Start($"{data.Dataset}: ridge on the top k principal components, layer {layer}", ks.Length, "k");
        foreach (long k in ks)
        {
            using var step = NewDisposeScope();
            var basis = vectorsT.narrow(0, 0, k).t(); // [d, k]
            using var probe = RidgeProbe.Fit(centered.matmul(basis), trainTargets, options.Ridge);
            var scores = HeldOutScoring.Score(testTargets, probe.Predict(testCentered.matmul(basis)), data.IsPlace, options.Bootstrap);
            rows.Add(new PrincipalComponentRow((int)k, cumulative[k - 1].item<double>(), probe.Report.ChosenAlpha[0], probe.Report.AlphaOnGridEdge, scores));
            task.Advance(1);
        }
        return new PrincipalComponentResults(data.Model, data.Dataset, data.Prompt, data.IsPlace ? "place" : "time", layer, (int)d,
            data.Train.Length, data.Test.Length, options.BootstrapResamples, rows);
    }
}
