using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using static WorldProbe.SpaceTime.Analysis.ExperimentTable;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The chart (test R² by layer, ridge and MLP) and report section of <see cref="MlpVersusLinear"/>.</summary>
public static class MlpVersusLinearReport
{
    /// <summary>Draws the chart into <paramref name="folder"/> and adds the section to <paramref name="report"/> (page in <paramref name="pageFolder"/>).</summary>
    public static void AddSection(HtmlReport report, MlpVersusLinearResults results, string folder, string pageFolder)
    {
        Directory.CreateDirectory(folder);
        double[] x = results.Layers.Select(l => (double)l.Layer).ToArray();
        CurveSeries Series(string label, Func<MlpVersusLinearLayer, HeldOutScores> scores) => new(label, x,
            results.Layers.Select(l => scores(l).RSquared.Value).ToArray(), results.Layers.Select(l => scores(l).RSquared.Low).ToArray(),
            results.Layers.Select(l => scores(l).RSquared.High).ToArray());
        string chart = LayerCurveChart.Save(Path.Combine(folder, $"{results.Dataset}_mlp_vs_ridge"), $"{results.Model}: {results.Dataset}, ridge vs MLP probe", "test R²",
            [Series("ridge (linear)", l => l.Ridge), Series("ridge on standardized features", l => l.StandardizedRidge), Series("MLP (hidden 256)", l => l.Mlp)]);
        string unit = ErrorUnit(results.Kind), format = ErrorFormat(results.Kind);
        report.Heading($"{results.Model}: {results.Dataset} / {results.Prompt}: linear vs MLP probe", 3)
              .Paragraph($"Both probes on the same {results.TrainRowsUsed} training rows (of {results.TrainRows}), scored on the same {results.TestRows} test rows. " +
                         $"MLP: Linear(d, 256), ReLU, Linear(256, k), AdamW, weight decay and epoch chosen on 20% of the training rows; it standardizes the features, so ridge on standardized features is shown too. " +
                         $"Intervals: 95% percentile bootstrap over test rows, {results.BootstrapResamples} resamples.")
              .Table(["layer", "ridge R²", "standardized ridge R²", "MLP R²", "ridge proximity", "standardized ridge proximity", "MLP proximity", $"ridge {unit}", $"MLP {unit}", "ridge alpha", "MLP weight decay (epoch)"],
                  results.Layers.Select(l => (IReadOnlyList<string>)
                  [
                      Number(l.Layer), l.Ridge.RSquared.Format(), l.StandardizedRidge.RSquared.Format(), l.Mlp.RSquared.Format(),
                      l.Ridge.ProximityError.Format(), l.StandardizedRidge.ProximityError.Format(), l.Mlp.ProximityError.Format(),
                      l.Ridge.MeanError.Format(format), l.Mlp.MeanError.Format(format), Number(l.RidgeAlpha, "G3"), $"{Number(l.MlpWeightDecay, "G2")} ({l.MlpBestEpoch})",
                  ]))
              .Image(Relative(pageFolder, chart), $"Test R² by layer, ridge and MLP probes, {results.Dataset}");
    }
}
