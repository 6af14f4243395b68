using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using static WorldProbe.SpaceTime.Analysis.ExperimentTable;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The chart (test R² against the number of principal components) and report section of <see cref="PrincipalComponentProbe"/>.</summary>
public static class PrincipalComponentReport
{
    /// <summary>Draws the chart into <paramref name="folder"/> and adds the section to <paramref name="report"/> (page in <paramref name="pageFolder"/>).</summary>
    public static void AddSection(HtmlReport report, PrincipalComponentResults results, string folder, string pageFolder)
    {
        Directory.CreateDirectory(folder);
        var rows = results.Rows;
        string chart = LayerCurveChart.Save(Path.Combine(folder, $"{results.Dataset}_pca"), $"{results.Model}: {results.Dataset}, ridge on the top k principal components (layer {results.Layer})", "test R², variance explained",
            [
                new CurveSeries("ridge on top k components", rows.Select(r => Math.Log2(r.Components)).ToArray(), rows.Select(r => r.Scores.RSquared.Value).ToArray(),
                    rows.Select(r => r.Scores.RSquared.Low).ToArray(), rows.Select(r => r.Scores.RSquared.High).ToArray()),
                new CurveSeries("variance explained", rows.Select(r => Math.Log2(r.Components)).ToArray(), rows.Select(r => r.VarianceExplained).ToArray(),
                    rows.Select(r => r.VarianceExplained).ToArray(), rows.Select(r => r.VarianceExplained).ToArray()),
            ], "log2 k (principal components of the training rows)");
        string unit = ErrorUnit(results.Kind), format = ErrorFormat(results.Kind);
        report.Heading($"{results.Model}: {results.Dataset} / {results.Prompt}: probes on principal components", 3)
              .Paragraph($"Layer {results.Layer} (d_model {results.DModel}). Components from an SVD of the {results.TrainRows} centered training rows only; " +
                         $"ridge (leave-one-out alpha) on the projections; scored on {results.TestRows} test rows. The last row (all components) equals the full probe. " +
                         $"Intervals: 95% percentile bootstrap over test rows, {results.BootstrapResamples} resamples.")
              .Table(["k", "variance explained", "test R²", "proximity error", unit, "alpha"],
                  rows.Select(r => (IReadOnlyList<string>)
                  [
                      Number(r.Components), Number(r.VarianceExplained), r.Scores.RSquared.Format(), r.Scores.ProximityError.Format(),
                      r.Scores.MeanError.Format(format), Number(r.Alpha, "G3") + (r.AlphaOnGridEdge ? " (grid edge)" : ""),
                  ]))
              .Image(Relative(pageFolder, chart), $"Test R² against log2 of the number of principal components, {results.Dataset}");
    }
}
