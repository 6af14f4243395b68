using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Prompt sensitivity (Gurnee and Tegmark): a ridge probe trained on the activations of one prompt,
/// tested on those of another prompt for the same entities, as they are and with each prompt's
/// activations centred on its own training mean (the paper's fix for a prompt's constant offset),
/// beside each prompt's own probe on its own test rows.
/// </summary>
public static class PromptTransfer
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "prompt-transfer";

    /// <summary>Checks and opens two stores (<see cref="PromptStorePair"/>), then <see cref="Run(ProbeData, ProbeData, SpaceExperimentOptions?, IProgressSink?)"/>.</summary>
    public static PromptTransferResults Run(string storeA, string storeB, SpaceExperimentOptions? options = null, IProgressSink? progress = null, string? dataRoot = null)
    {
        var (a, b) = PromptStorePair.Open(storeA, storeB, dataRoot);
        return Run(a, b, options, progress) with { StoreA = Path.GetFullPath(storeA), StoreB = Path.GetFullPath(storeB) };
    }

    /// <summary>Runs the comparison at every layer both stores hold (or <see cref="SpaceExperimentOptions.Layers"/>).</summary>
    /// <param name="a">The first prompt's store (its probe picks the best layer).</param>
    /// <param name="b">The second prompt's store: the same model, dataset and entities (<see cref="PromptStorePair"/>).</param>
    /// <param name="options">Bootstrap, seed, ridge and layers.</param>
    /// <param name="progress">Progress in layers.</param>
    public static PromptTransferResults Run(ProbeData a, ProbeData b, SpaceExperimentOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceExperimentOptions();
        progress ??= IProgressSink.Silent;
        if (a.Entities.Count != b.Entities.Count || a.Entities.Zip(b.Entities).Any(pair => pair.First.Id != pair.Second.Id))
            throw new WorldProbeException($"{a.Dataset}/{a.Prompt} and {b.Dataset}/{b.Prompt}: the stores hold different entities; extract both with the same --max-entities.");
        var layers = (options.Layers ?? a.Layers).Where(b.Layers.Contains).ToList();
        if (layers.Count == 0)
            throw new WorldProbeException($"{a.Prompt} and {b.Prompt}: no layer is stored in both (A: {string.Join(",", a.Layers)}; B: {string.Join(",", b.Layers)}).");
        var results = new List<PromptTransferLayer>();
        using var task = progress.Start($"{a.Dataset}: {a.Prompt} <-> {b.Prompt} per layer", layers.Count, "layers");
        foreach (int layer in layers)
        {
            using var scope = NewDisposeScope();
            results.Add(CompareLayer(layer, a.ReadLayer(layer), b.ReadLayer(layer), a.Targets, a.Train, a.Test, a.IsPlace, options));
            task.Advance(1);
        }
        int best = results.MinBy(l => l.TrainLeaveOneOutErrorA)!.Layer;
        return new PromptTransferResults(a.Model, a.Dataset, a.Prompt, b.Prompt, "", "", a.IsPlace ? "place" : "time", a.TargetNames,
            a.Train.Length, a.Test.Length, options.BootstrapResamples, best, results);
    }

    /// <summary>
    /// One layer: features of prompt A and prompt B [n, d] for the same n entities (row order shared),
    /// targets [n, k], training and test rows.
    /// </summary>
    public static PromptTransferLayer CompareLayer(int layer, Tensor featuresA, Tensor featuresB, Tensor targets, long[] train, long[] test, bool place, SpaceExperimentOptions options)
    {
        using var scope = NewDisposeScope();
        var trainIndex = tensor(train);
        var testIndex = tensor(test);
        var trainTargets = targets.index_select(0, trainIndex);
        var testTargets = targets.index_select(0, testIndex);
        var trainA = featuresA.index_select(0, trainIndex);
        var trainB = featuresB.index_select(0, trainIndex);
        var testA = featuresA.index_select(0, testIndex).to_type(ScalarType.Float64);
        var testB = featuresB.index_select(0, testIndex).to_type(ScalarType.Float64);
        var meanA = trainA.to_type(ScalarType.Float64).mean([0L]); // [d]
        var meanB = trainB.to_type(ScalarType.Float64).mean([0L]);
        using var probeA = RidgeProbe.Fit(trainA, trainTargets, options.Ridge);
        using var probeB = RidgeProbe.Fit(trainB, trainTargets, options.Ridge);
        // A ridge probe with an unpenalized intercept fitted on centred features has the same weights and
        // only another intercept; so "centre both prompts, fit on A, test on B" equals A's probe applied to
        // B's test rows moved by (mean A - mean B). No second fit is needed.
        var shiftBToA = meanA - meanB;
        TransferScores Score(Tensor predicted) => ScoreRows(testTargets, predicted, place, options.Bootstrap);
        return new PromptTransferLayer(
            layer,
            probeA.Report.ChosenAlpha[0],
            probeB.Report.ChosenAlpha[0],
            probeA.Report.MeanLeaveOneOutError[probeA.Report.ChosenIndex[0]],
            probeB.Report.MeanLeaveOneOutError[probeB.Report.ChosenIndex[0]],
            (-shiftBToA).matmul(probeA.Weights).data<double>().ToArray(),
            Score(probeA.Predict(testA)),
            Score(probeB.Predict(testB)),
            Score(probeA.Predict(testB)),
            Score(probeA.Predict(testB + shiftBToA)),
            Score(probeB.Predict(testA)),
            Score(probeB.Predict(testA - shiftBToA)));
    }

    /// <summary>R², proximity error, mean error and Spearman of predictions [m, k] against truth [m, k], with bootstrap intervals.</summary>
    public static TransferScores ScoreRows(Tensor truth, Tensor predicted, bool place, BootstrapOptions bootstrap)
    {
        var scores = HeldOutScoring.Score(truth, predicted, place, bootstrap);
        int k = (int)truth.shape[1];
        var interval = Bootstrap.PercentileInterval(truth.shape[0], rows => Enumerable.Range(0, k)
            .Average(o => Spearman.Correlation(truth.index_select(0, rows)[.., o], predicted.index_select(0, rows)[.., o])), bootstrap);
        return new TransferScores(scores, new ScoreWithInterval(interval.Estimate, interval.Low, interval.High));
    }
}
