using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// The holdout engine behind <see cref="BlockHoldout"/> and <see cref="EntityTypeHoldout"/>: for each
/// group of entities (with at least N entities), train a ridge probe on the training rows of every other
/// group, predict all test rows, and score the group's test rows; compare with the random-split probe
/// (trained on all training rows) on the same rows. Proximity error compares each row with all test
/// rows predicted by the same probe. The alpha is chosen once, by leave-one-out on all training rows,
/// and kept for every holdout fit, which then costs one downdate of the sufficient statistics and one
/// d × d solve (<see cref="FixedAlphaRidge"/>).
/// </summary>
public static class GroupHoldout
{
    /// <summary>Runs the holdout of the groups given by <paramref name="groupOf"/> (null or "" = no group) at <paramref name="layer"/>.</summary>
    public static GroupHoldoutResults Run(ProbeData data, string experiment, string groupedBy, Func<Datasets.Entity, string?> groupOf, int layer,
        SpaceExperimentOptions options, IProgressSink? progress = null)
    {
        progress ??= IProgressSink.Silent;
        var bootstrap = options.Bootstrap;
        using var scope = NewDisposeScope();
        var features = data.ReadLayer(layer);
        var train = tensor(data.Train);
        var test = tensor(data.Test);
        var trainFeatures = features.index_select(0, train);
        var testFeatures = features.index_select(0, test);
        var trainTargets = data.Targets.index_select(0, train);
        var testTargets = data.Targets.index_select(0, test); // [m, k]
        var overall = data.Targets.mean([0L]).data<double>().ToArray();
        var trainingSum = trainTargets.sum([0L]).data<double>().ToArray();
        double[] trainingCentroid = trainingSum.Select(v => v / data.Train.Length).ToArray();

        using var full = RidgeProbe.Fit(trainFeatures, trainTargets, options.Ridge);
        double alpha = full.Report.ChosenAlpha[0];
        var randomPredicted = full.Predict(testFeatures);
        var (randomProximity, randomError) = HeldOutScoring.PerRow(testTargets, randomPredicted, data.IsPlace);
        using var statistics = FixedAlphaRidge.Of(trainFeatures, trainTargets);

        string[] groups = data.Entities.Select(e => groupOf(e) ?? "").ToArray();
        var sizes = groups.Where(g => g.Length > 0).GroupBy(g => g).ToDictionary(g => g.Key, g => g.Count());
        var testPosition = data.Test.Select((row, i) => (row, i)).ToDictionary(p => p.row, p => (long)p.i);
        var kept = sizes.Where(pair => pair.Value >= options.MinGroupEntities)
            .Select(pair => (Group: pair.Key, Size: pair.Value, Test: data.Test.Where(r => groups[r] == pair.Key).Select(r => testPosition[r]).ToArray()))
            .Where(g => g.Test.Length >= 2)
            .OrderByDescending(g => g.Size).ThenBy(g => g.Group, StringComparer.Ordinal).ToList();

        var rows = new List<GroupHoldoutRow>();
        var pooledRows = new List<Tensor>();
        var pooledPredicted = new List<Tensor>();
        var pooledProximity = new List<Tensor>();
        var pooledError = new List<Tensor>();
        using var task = progress.Start($"{data.Dataset}: {experiment} by {groupedBy} at layer {layer}", kept.Count, "groups");
        foreach (var (group, size, testRows) in kept)
        {
            long[] leftOut = Enumerable.Range(0, data.Train.Length).Where(i => groups[data.Train[i]] == group).Select(i => (long)i).ToArray();
            var leftOutIndex = tensor(leftOut);
            using var without = statistics.Without(trainFeatures.index_select(0, leftOutIndex), trainTargets.index_select(0, leftOutIndex));
            var predicted = without.Predict(testFeatures, alpha); // [m, k]
            var (proximity, error) = HeldOutScoring.PerRow(testTargets, predicted, data.IsPlace);
            var subset = tensor(testRows);
            var truth = testTargets.index_select(0, subset);
            var randomScores = HeldOutScoring.FromRows(truth, randomPredicted.index_select(0, subset), randomProximity.index_select(0, subset), randomError.index_select(0, subset), bootstrap);
            var holdoutScores = HeldOutScoring.FromRows(truth, predicted.index_select(0, subset), proximity.index_select(0, subset), error.index_select(0, subset), bootstrap);
            double[] Offset(Tensor values, double[] origin) => values.index_select(0, subset).mean([0L]).data<double>().ToArray().Select((v, o) => v - origin[o]).ToArray();
            double[] trueOffset = Offset(testTargets, overall), randomOffset = Offset(randomPredicted, overall), holdoutOffset = Offset(predicted, overall);
            // The holdout probe's own training centroid: the training rows of the other groups.
            var leftOutSum = trainTargets.index_select(0, leftOutIndex).sum([0L]).data<double>().ToArray();
            double[] otherCentroid = trainingSum.Select((v, o) => (v - leftOutSum[o]) / (data.Train.Length - leftOut.Length)).ToArray();
            rows.Add(new GroupHoldoutRow(group, size, leftOut.Length, randomScores, holdoutScores, trueOffset, randomOffset, holdoutOffset,
                AngleDegrees(trueOffset, randomOffset), AngleDegrees(trueOffset, holdoutOffset),
                AngleDegrees(Offset(testTargets, trainingCentroid), Offset(randomPredicted, trainingCentroid)),
                AngleDegrees(Offset(testTargets, otherCentroid), Offset(predicted, otherCentroid))));
            pooledRows.Add(subset);
            pooledPredicted.Add(predicted.index_select(0, subset));
            pooledProximity.Add(proximity.index_select(0, subset));
            pooledError.Add(error.index_select(0, subset));
            task.Advance(1);
        }
        if (rows.Count == 0)
            throw new WorldProbeException($"{data.Dataset}: no {groupedBy} group has at least {options.MinGroupEntities} entities and 2 test rows; lower --min-entities.");
        var all = cat(pooledRows, 0);
        var pooledTruth = testTargets.index_select(0, all);
        var pooledRandom = HeldOutScoring.FromRows(pooledTruth, randomPredicted.index_select(0, all), randomProximity.index_select(0, all), randomError.index_select(0, all), bootstrap);
        var pooledHoldout = HeldOutScoring.FromRows(pooledTruth, cat(pooledPredicted, 0), cat(pooledProximity, 0), cat(pooledError, 0), bootstrap);
        return new GroupHoldoutResults(experiment, data.Model, data.Dataset, data.Prompt, data.IsPlace ? "place" : "time", groupedBy, layer, alpha,
            options.MinGroupEntities, sizes.Count - rows.Count, options.BootstrapResamples, rows, pooledRandom, pooledHoldout,
            MeanAngle(rows.Select(r => r.HoldoutAngleDegrees)), MeanAngle(rows.Select(r => r.RandomSplitAngleDegrees)),
            MeanAngle(rows.Select(r => r.HoldoutAngleFromTrainingDegrees)), MeanAngle(rows.Select(r => r.RandomSplitAngleFromTrainingDegrees)));
    }

    /// <summary>
    /// Angle in degrees between two offsets: for 2-D offsets (places, [longitude, latitude] degrees, as
    /// plane vectors), the angle between the directions; for 1-D (years), 0 when the signs agree and 180
    /// when they do not. NaN when an offset is zero.
    /// </summary>
    public static double AngleDegrees(double[] truth, double[] predicted)
    {
        if (truth.Length == 1)
            return truth[0] == 0 || predicted[0] == 0 ? double.NaN : Math.Sign(truth[0]) == Math.Sign(predicted[0]) ? 0 : 180;
        double dot = truth.Zip(predicted, (a, b) => a * b).Sum();
        double norms = Math.Sqrt(truth.Sum(a => a * a) * predicted.Sum(b => b * b));
        if (norms == 0) return double.NaN;
        return Math.Acos(Math.Clamp(dot / norms, -1, 1)) * 180 / Math.PI;
    }

    static double MeanAngle(IEnumerable<double> angles)
    {
        var finite = angles.Where(double.IsFinite).ToArray();
        return finite.Length == 0 ? double.NaN : finite.Average();
    }
}
