using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using static WorldProbe.SpaceTime.Analysis.ExperimentTable;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The chart (proximity error per group, random split against holdout) and report section of a holdout experiment.</summary>
public static class GroupHoldoutReport
{
    /// <summary>Draws the chart into <paramref name="folder"/> and adds the section to <paramref name="report"/> (page in <paramref name="pageFolder"/>).</summary>
    public static void AddSection(HtmlReport report, GroupHoldoutResults results, string folder, string pageFolder)
    {
        Directory.CreateDirectory(folder);
        string chart = PairedScoreChart.Save(Path.Combine(folder, $"{results.Dataset}_{results.Experiment}"),
            $"{results.Model}: {results.Dataset}, {results.Experiment} by {results.GroupedBy} (layer {results.Layer})",
            "proximity error, random split", $"proximity error, {results.GroupedBy} held out",
            results.Groups.Select(g => g.Group).ToArray(), results.Groups.Select(g => g.RandomSplit.ProximityError.Value).ToArray(),
            results.Groups.Select(g => g.Holdout.ProximityError.Value).ToArray());
        string unit = ErrorUnit(results.Kind), format = ErrorFormat(results.Kind);
        bool place = results.Kind == "place";
        string angle = place ? "centroid angle from overall (random / holdout)" : "offset sign from overall (random / holdout)";
        string angleFromTraining = place ? "centroid angle from training centroid (random / holdout)" : "offset sign from training mean (random / holdout)";
        string Angle(double degrees) => double.IsNaN(degrees) ? "-" : place ? Number(degrees, "F0") + "°" : degrees < 90 ? "agrees" : "wrong";
        report.Heading($"{results.Model}: {results.Dataset} / {results.Prompt}: {results.Experiment} by {results.GroupedBy}", 3)
              .Paragraph($"Layer {results.Layer}. Each {results.GroupedBy} with at least {results.MinGroupEntities} entities is held out in turn: a ridge probe " +
                         $"(alpha {Number(results.Alpha, "G3")}, chosen once by leave-one-out on all training rows) is trained on the training rows of every other group " +
                         $"and scores the group's test rows; the random split scores the same rows with the probe trained on all training rows. " +
                         $"{results.Groups.Count} groups held out, {results.GroupsSkipped} smaller ones skipped. Proximity error compares each row with all test rows " +
                         $"predicted by the same probe. Pooled: all held-out groups' test rows together. " +
                         (place ? "Centroid angle: between the direction from the overall centroid to the group's true centroid and to its predicted centroid ([longitude, latitude] plane); " +
                                  "also from the centroid of the probe's own training rows (for the holdout probe, the other groups), which a probe that predicts little more than its training mean cannot pass. "
                                : "Offset sign: whether the group's mean predicted year lies on the same side of the overall mean (and of the probe's training mean) as its true mean year. ") +
                         $"Intervals: 95% percentile bootstrap over the group's test rows, {results.BootstrapResamples} resamples.")
              .Table(["", "test rows", "R² random", "R² holdout", "proximity random", "proximity holdout", $"{unit} random", $"{unit} holdout",
                   place ? "mean angle from overall (random / holdout)" : "wrong sign share from overall (random / holdout)",
                   place ? "mean angle from training centroid (random / holdout)" : "wrong sign share from training mean (random / holdout)"],
                  [[
                      "pooled", Number(results.PooledHoldout.Rows), results.PooledRandomSplit.RSquared.Format(), results.PooledHoldout.RSquared.Format(),
                      results.PooledRandomSplit.ProximityError.Format(), results.PooledHoldout.ProximityError.Format(),
                      results.PooledRandomSplit.MeanError.Format(format), results.PooledHoldout.MeanError.Format(format),
                      MeanAngles(results.MeanRandomSplitAngleDegrees, results.MeanHoldoutAngleDegrees, place),
                      MeanAngles(results.MeanRandomSplitAngleFromTrainingDegrees, results.MeanHoldoutAngleFromTrainingDegrees, place),
                  ]])
              .Table([results.GroupedBy, "entities", "test rows", "proximity random", "proximity holdout", $"{unit} random", $"{unit} holdout", "R² random", "R² holdout", angle, angleFromTraining],
                  results.Groups.Select(g => (IReadOnlyList<string>)
                  [
                      g.Group, Number(g.Entities), Number(g.Holdout.Rows), g.RandomSplit.ProximityError.Format(), g.Holdout.ProximityError.Format(),
                      g.RandomSplit.MeanError.Format(format), g.Holdout.MeanError.Format(format), g.RandomSplit.RSquared.Format(), g.Holdout.RSquared.Format(),
                      $"{Angle(g.RandomSplitAngleDegrees)} / {Angle(g.HoldoutAngleDegrees)}",
                      $"{Angle(g.RandomSplitAngleFromTrainingDegrees)} / {Angle(g.HoldoutAngleFromTrainingDegrees)}",
                  ]))
              .Image(Relative(pageFolder, chart), $"Proximity error of each held-out {results.GroupedBy}: random split (x) against holdout (y)");
    }

    static string MeanAngles(double random, double holdout, bool place) => place
        ? $"{Number(random, "F0")}° / {Number(holdout, "F0")}°"
        : $"{Number(random / 180, "F2")} / {Number(holdout / 180, "F2")}";
}
