using WorldProbe.Probing;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Controls for what a probe's score means, in one table: the trained model at the chosen layer; the
/// same at layer 0 (token embeddings, before any attention: what the entity's last token alone
/// carries); the same probe (same alpha) on shuffled training targets (the probe's capacity to fit
/// noise); and a randomly initialised model of the same shape over the same prompts (what architecture
/// and tokenization alone give), at the chosen layer and at its own best layer.
/// </summary>
public static class ProbeControls
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "controls";

    /// <summary>
    /// Runs the controls of <paramref name="data"/> at <see cref="SpaceExperimentOptions.Layer"/> (default:
    /// the best layer by training leave-one-out error); <paramref name="randomInit"/> is the same
    /// dataset and prompt extracted from a randomly initialised model (null: that control is left out).
    /// </summary>
    public static ProbeControlResults Run(ProbeData data, ProbeData? randomInit, SpaceExperimentOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceExperimentOptions();
        progress ??= IProgressSink.Silent;
        if (randomInit is not null && (randomInit.Dataset != data.Dataset || randomInit.Prompt != data.Prompt))
            throw new WorldProbeException($"--random-store holds {randomInit.Dataset}/{randomInit.Prompt}, but --store holds {data.Dataset}/{data.Prompt}; extract the same dataset and prompt with --random-init.");
        var trainedErrors = new Dictionary<int, double>();
        var trainedCurve = Curve(data, "trained model", options, progress, trainedErrors);
        int layer = options.Layer is int chosen ? LayerSelection.Resolve(data, chosen, options.Ridge) : trainedErrors.MinBy(pair => pair.Value).Key;
        var rows = new List<ProbeControlRow>();
        var trained = trainedCurve.First(r => r.Layer == layer);
        double alpha = trained.Alpha;
        rows.Add(trained);
        if (layer != 0 && trainedCurve.FirstOrDefault(r => r.Layer == 0) is { } embeddings)
            rows.Add(embeddings with { Control = "trained model, layer 0 (embeddings)" });
        var shuffled = ShuffledTargetProbe(data, layer, alpha, options);
        rows.Add(new ProbeControlRow("shuffled training targets (same alpha)", data.Model, layer, alpha, shuffled));

        var randomCurve = new List<ProbeControlRow>();
        if (randomInit is not null)
        {
            var errors = new Dictionary<int, double>();
            randomCurve = Curve(randomInit, "random-init model", options, progress, errors);
            int best = errors.MinBy(pair => pair.Value).Key;
            if (randomCurve.FirstOrDefault(r => r.Layer == layer) is { } same)
                rows.Add(same with { Control = $"random-init model, layer {layer}" });
            rows.Add(randomCurve.First(r => r.Layer == best) with { Control = $"random-init model, its best layer by leave-one-out ({best})" });
        }
        return new ProbeControlResults(data.Model, data.Dataset, data.Prompt, data.IsPlace ? "place" : "time", layer,
            data.Train.Length, data.Test.Length, options.BootstrapResamples, rows, trainedCurve, randomCurve);
    }

    // Every stored layer of one store, with each layer's training leave-one-out error into errors when given.
    static List<ProbeControlRow> Curve(ProbeData data, string control, SpaceExperimentOptions options, IProgressSink progress, Dictionary<int, double>? errors = null)
    {
        var curve = new List<ProbeControlRow>();
        using var task = progress.Start($"{data.Dataset}: {control}, every layer", data.Layers.Count, "layers");
        foreach (int layer in data.Layers)
        {
            var (scores, alpha, error) = ProbeWithError(data, layer, options);
            if (errors is not null) errors[layer] = error;
            curve.Add(new ProbeControlRow(control, data.Model, layer, alpha, scores));
            task.Advance(1);
        }
        return curve;
    }

    // The same probe as at the layer (same alpha, no second search) on a seeded permutation of the training targets.
    static HeldOutScores ShuffledTargetProbe(ProbeData data, int layer, double alpha, SpaceExperimentOptions options)
    {
        using var scope = NewDisposeScope();
        var features = data.ReadLayer(layer);
        var train = tensor(data.Train);
        var test = tensor(data.Test);
        using var generator = new Generator((ulong)options.Seed);
        var shuffled = data.Targets.index_select(0, train).index_select(0, randperm(data.Train.Length, generator: generator));
        using var probe = RidgeProbe.Fit(features.index_select(0, train), shuffled, options.Ridge with { Alphas = [alpha] });
        return HeldOutScoring.Score(data.Targets.index_select(0, test), probe.Predict(features.index_select(0, test)), data.IsPlace, options.Bootstrap);
    }

    static (HeldOutScores Scores, double Alpha, double LeaveOneOutError) ProbeWithError(ProbeData data, int layer, SpaceExperimentOptions options)
    {
        using var scope = NewDisposeScope();
        var features = data.ReadLayer(layer);
        var train = tensor(data.Train);
        var test = tensor(data.Test);
        using var probe = RidgeProbe.Fit(features.index_select(0, train), data.Targets.index_select(0, train), options.Ridge);
        var scores = HeldOutScoring.Score(data.Targets.index_select(0, test), probe.Predict(features.index_select(0, test)), data.IsPlace, options.Bootstrap);
        return (scores, probe.Report.ChosenAlpha[0], probe.Report.MeanLeaveOneOutError[probe.Report.ChosenIndex[0]]);
    }
}
