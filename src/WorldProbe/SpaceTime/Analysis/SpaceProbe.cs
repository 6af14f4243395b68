using System.Globalization;
using WorldProbe.Activations;
using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Datasets;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Per-layer linear probes of an activation store: a ridge probe (leave-one-out alpha) on the
/// dataset's training rows for every stored layer, scored on its test rows with bootstrap intervals,
/// beside a control probe fitted on shuffled training targets.
/// </summary>
public static class SpaceProbe
{
    /// <summary>Probes every layer of the store in <paramref name="storeDirectory"/>.</summary>
    public static SpaceProbeResults Run(string storeDirectory, SpaceProbeOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceProbeOptions();
        progress ??= IProgressSink.Silent;
        var store = ActivationStore.Open(storeDirectory);
        var manifest = store.Manifest;
        var dataset = SpaceTimeDatasets.Load(manifest.Dataset, options.DataRoot ?? SpaceTimeDatasets.DefaultDataRoot);
        var byId = dataset.Entities.ToDictionary(e => e.Id.ToString(CultureInfo.InvariantCulture));
        var entities = store.EntityIds.Select(id => byId.TryGetValue(id, out var e) ? e : throw new WorldProbeException(
            $"{storeDirectory}: entity {id} is not in dataset {manifest.Dataset} any more; the data changed since extraction: extract again.")).ToArray();
        long[] train = Enumerable.Range(0, entities.Length).Where(i => !entities[i].IsTest).Select(i => (long)i).ToArray();
        long[] test = Enumerable.Range(0, entities.Length).Where(i => entities[i].IsTest).Select(i => (long)i).ToArray();
        if (train.Length < 2 || test.Length < 2)
            throw new WorldProbeException($"{storeDirectory}: {train.Length} training and {test.Length} test rows; a probe needs at least 2 of each.");
        bool place = dataset.Kind == TargetKind.Place;
        var targets = tensor(entities.SelectMany(dataset.Target).ToArray(), [entities.Length, dataset.TargetNames.Count]); // [n, k] float64
        using var trainIndex = tensor(train);
        using var testIndex = tensor(test);
        var trainTargets = targets.index_select(0, trainIndex);
        var testTargets = targets.index_select(0, testIndex);
        using var generator = new Generator((ulong)options.Seed);
        var shuffledTargets = trainTargets.index_select(0, randperm(train.Length, generator: generator));
        var bootstrap = new BootstrapOptions(options.BootstrapResamples, 0.95, options.Seed);
        var ridge = options.Ridge ?? new RidgeOptions();

        var layers = new List<LayerProbeResult>();
        Tensor? bestPredictions = null;
        using var task = progress.Start($"{manifest.Dataset}/{manifest.Prompt}: probing layers", manifest.Layers.Length, "layers");
        foreach (int layer in manifest.Layers)
        {
            using var scope = NewDisposeScope();
            var features = store.ReadLayer(layer); // [n, d_model]
            var trainFeatures = features.index_select(0, trainIndex);
            var testFeatures = features.index_select(0, testIndex);
            using var probe = RidgeProbe.Fit(trainFeatures, trainTargets, ridge);
            var predicted = probe.Predict(testFeatures); // [test, k]
            // The control is the same probe (same alpha) on shuffled targets; no second alpha search.
            using var control = RidgeProbe.Fit(trainFeatures, shuffledTargets, ridge with { Alphas = [probe.Report.ChosenAlpha[0]] });
            var controlPredicted = control.Predict(testFeatures);
            var result = Score(layer, probe.Report, testTargets, predicted, controlPredicted, place, bootstrap);
            layers.Add(result);
            if (ReferenceEquals(layers.MinBy(l => l.TrainLeaveOneOutError), result))
            {
                bestPredictions?.Dispose();
                bestPredictions = predicted.MoveToOuterDisposeScope();
            }
            task.Advance(1);
        }
        int best = layers.MinBy(l => l.TrainLeaveOneOutError)!.Layer;
        double[] flat = bestPredictions!.data<double>().ToArray();
        int k = dataset.TargetNames.Count;
        var predictions = test.Select((row, i) =>
        {
            var entity = entities[row];
            return new TestPrediction(entity.Id, entity.Name, MapGroups.GroupOf(dataset.Name, entity),
                dataset.Target(entity), flat.Skip(i * k).Take(k).ToArray());
        }).ToArray();
        bestPredictions.Dispose();
        return new SpaceProbeResults(Path.GetFullPath(storeDirectory), manifest.Model, manifest.Dataset, manifest.Prompt,
            place ? "place" : "time", dataset.TargetNames, train.Length, test.Length, options.BootstrapResamples, best, layers, predictions);
    }

    static LayerProbeResult Score(int layer, RidgeFitReport report, Tensor truth, Tensor predicted, Tensor controlPredicted, bool place, BootstrapOptions bootstrap)
    {
        int k = (int)truth.shape[1];
        ScoreWithInterval Interval(Func<Tensor, double> statistic)
        {
            var interval = Bootstrap.PercentileInterval(truth.shape[0], statistic, bootstrap);
            return new ScoreWithInterval(interval.Estimate, interval.Low, interval.High);
        }
        double MeanOverOutputs(Tensor rows, Func<Tensor, Tensor, double> correlation) =>
            Enumerable.Range(0, k).Average(o => correlation(truth.index_select(0, rows)[.., o], predicted.index_select(0, rows)[.., o]));

        Tensor proximity, controlProximity;
        Tensor? kilometres = null;
        if (place)
        {
            // Targets are [longitude, latitude].
            proximity = ProximityError.ForPlaces(truth[.., 1], truth[.., 0], predicted[.., 1], predicted[.., 0]);
            controlProximity = ProximityError.ForPlaces(truth[.., 1], truth[.., 0], controlPredicted[.., 1], controlPredicted[.., 0]);
            kilometres = GreatCircle.DistanceKm(truth[.., 1], truth[.., 0], predicted[.., 1], predicted[.., 0]);
        }
        else
        {
            proximity = ProximityError.ForScalars(truth[.., 0], predicted[.., 0]);
            controlProximity = ProximityError.ForScalars(truth[.., 0], controlPredicted[.., 0]);
        }
        return new LayerProbeResult(
            layer,
            report.ChosenAlpha[0],
            report.AlphaOnGridEdge,
            report.MeanLeaveOneOutError[report.ChosenIndex[0]],
            Interval(rows => RSquared.Average(truth.index_select(0, rows), predicted.index_select(0, rows))),
            RSquared.PerOutput(truth, predicted),
            Interval(rows => MeanOverOutputs(rows, Pearson.Correlation)),
            Interval(rows => MeanOverOutputs(rows, Spearman.Correlation)),
            MeanAbsoluteError.PerOutput(truth, predicted),
            kilometres is null ? null : Interval(rows => kilometres.index_select(0, rows).mean().item<double>()),
            Interval(rows => proximity.index_select(0, rows).mean().item<double>()),
            RSquared.Average(truth, controlPredicted),
            controlProximity.mean().item<double>());
    }
}
