using WorldProbe.Probing;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Linear (ridge, leave-one-out alpha) against MLP probes (<see cref="MlpProbe"/>: hidden 256, AdamW,
/// weight decay and epoch chosen on a validation split carved from the training rows) at each layer,
/// on the same training rows, scored on the same test rows. If the MLP is not clearly better, what
/// the probe finds is linearly represented. A third probe, ridge on features standardized as the MLP
/// sees them (training mean and std per feature), separates the MLP's nonlinearity from its feature
/// scaling: ridge's single penalty treats the residual stream's few very large dimensions differently
/// once they are rescaled.
/// </summary>
public static class MlpVersusLinear
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "mlp";

    /// <summary>Runs the comparison at <see cref="SpaceExperimentOptions.Layers"/> (default: every stored layer).</summary>
    public static MlpVersusLinearResults Run(ProbeData data, SpaceExperimentOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceExperimentOptions();
        progress ??= IProgressSink.Silent;
        var layers = options.Layers ?? data.Layers;
        long[] trainRows = EvenSubset(data.Train, options.MaxTrainRows);
        using var train = tensor(trainRows);
        using var test = tensor(data.Test);
        var trainTargets = data.Targets.index_select(0, train);
        var testTargets = data.Targets.index_select(0, test);
        var mlpOptions = options.Mlp with { Seed = options.Seed };
        var results = new List<MlpVersusLinearLayer>();
        using var task = progress.Start($"{data.Dataset}: ridge and MLP per layer", layers.Count, "layers");
        foreach (int layer in layers)
        {
            using var scope = NewDisposeScope();
            var features = data.ReadLayer(layer);
            var trainFeatures = features.index_select(0, train);
            var testFeatures = features.index_select(0, test);
            using var ridge = RidgeProbe.Fit(trainFeatures, trainTargets, options.Ridge);
            var ridgeScores = HeldOutScoring.Score(testTargets, ridge.Predict(testFeatures), data.IsPlace, options.Bootstrap);
            var mean = trainFeatures.mean([0L]);
            var scale = trainFeatures.std([0L], unbiased: false).clamp_min(1e-12);
            using var standardized = RidgeProbe.Fit((trainFeatures - mean) / scale, trainTargets, options.Ridge);
            var standardizedScores = HeldOutScoring.Score(testTargets, standardized.Predict((testFeatures - mean) / scale), data.IsPlace, options.Bootstrap);
            using var mlp = MlpProbe.Fit(trainFeatures, trainTargets, mlpOptions);
            var mlpScores = HeldOutScoring.Score(testTargets, mlp.Predict(testFeatures), data.IsPlace, options.Bootstrap);
            int chosen = Array.IndexOf(mlp.Report.WeightDecays, mlp.Report.ChosenWeightDecay);
            results.Add(new MlpVersusLinearLayer(layer, ridge.Report.ChosenAlpha[0], ridgeScores, standardized.Report.ChosenAlpha[0], standardizedScores, mlpScores,
                mlp.Report.ChosenWeightDecay, mlp.Report.BestEpoch[chosen], mlp.Report.FitSeconds));
            task.Advance(1);
        }
        return new MlpVersusLinearResults(data.Model, data.Dataset, data.Prompt, data.IsPlace ? "place" : "time",
            trainRows.Length, data.Train.Length, data.Test.Length, options.BootstrapResamples, results);
    }

    /// <summary>An evenly spaced subset of at most <paramref name="max"/> of <paramref name="rows"/> (order kept); all when null.</summary>
    public static long[] EvenSubset(long[] rows, int? max)
    {
        if (max is not int m || m >= rows.Length) return rows;
        if (m < 2) throw new WorldProbeException($"--max-train-rows {m}: keep at least 2 training rows.");
        double step = (double)rows.Length / m;
        return Enumerable.Range(0, m).Select(i => rows[(int)(i * step)]).ToArray();
    }
}
