using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using static WorldProbe.SpaceTime.Analysis.ExperimentTable;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The chart (test R² by layer, trained against random-init model) and report section of <see cref="ProbeControls"/>.</summary>
public static class ProbeControlReport
{
    /// <summary>Draws the chart into <paramref name="folder"/> and adds the section to <paramref name="report"/> (page in <paramref name="pageFolder"/>).</summary>
    public static void AddSection(HtmlReport report, ProbeControlResults results, string folder, string pageFolder)
    {
        Directory.CreateDirectory(folder);
        string unit = ErrorUnit(results.Kind), format = ErrorFormat(results.Kind);
        report.Heading($"{results.Model}: {results.Dataset} / {results.Prompt}: controls", 3)
              .Paragraph($"Ridge probes (leave-one-out alpha unless noted) on {results.TrainRows} training rows, scored on {results.TestRows} test rows. " +
                         $"Intervals: 95% percentile bootstrap over test rows, {results.BootstrapResamples} resamples.")
              .Table(["control", "layer", "test R²", "proximity error", unit, "alpha"],
                  results.Rows.Select(r => (IReadOnlyList<string>)
                  [
                      r.Control, Number(r.Layer), r.Scores.RSquared.Format(), r.Scores.ProximityError.Format(), r.Scores.MeanError.Format(format), Number(r.Alpha, "G3"),
                  ]));
        var random = results.RandomInitLayers;
        if (random.Count == 0) return;
        CurveSeries Series(string label, IReadOnlyList<ProbeControlRow> rows) => new(label, rows.Select(r => (double)r.Layer).ToArray(),
            rows.Select(r => r.Scores.RSquared.Value).ToArray(), rows.Select(r => r.Scores.RSquared.Low).ToArray(), rows.Select(r => r.Scores.RSquared.High).ToArray());
        string chart = LayerCurveChart.Save(Path.Combine(folder, $"{results.Dataset}_controls"), $"{results.Dataset}: trained vs random-init model", "test R²",
            [Series($"{results.Model} (trained)", results.TrainedLayers), Series(random[0].Model, random)]);
        report.Image(Relative(pageFolder, chart), $"Test R² by layer: the trained and the random-init model, {results.Dataset}");
    }
}
