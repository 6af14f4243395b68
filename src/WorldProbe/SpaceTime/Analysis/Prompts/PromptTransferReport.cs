using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using static WorldProbe.SpaceTime.Analysis.ExperimentTable;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The charts (test R² and Spearman by layer, within and across prompts) and report section of <see cref="PromptTransfer"/>.</summary>
public static class PromptTransferReport
{
    /// <summary>Draws the charts into <paramref name="folder"/> and adds the section to <paramref name="report"/> (page in <paramref name="pageFolder"/>).</summary>
    public static void AddSection(HtmlReport report, PromptTransferResults results, string folder, string pageFolder)
    {
        Directory.CreateDirectory(folder);
        string a = results.PromptA, b = results.PromptB;
        double[] x = results.Layers.Select(l => (double)l.Layer).ToArray();
        (string Label, Func<PromptTransferLayer, TransferScores> Scores)[] conditions =
        [
            ($"{a} -> {a}", l => l.AToA), ($"{b} -> {b}", l => l.BToB), ($"{a} -> {b} raw", l => l.AToBRaw),
            ($"{a} -> {b} centred", l => l.AToBCentred), ($"{b} -> {a} raw", l => l.BToARaw), ($"{b} -> {a} centred", l => l.BToACentred),
        ];
        CurveSeries Series(string label, Func<PromptTransferLayer, ScoreWithInterval> score) => new(label, x,
            results.Layers.Select(l => score(l).Value).ToArray(), results.Layers.Select(l => score(l).Low).ToArray(), results.Layers.Select(l => score(l).High).ToArray());
        string prefix = $"{results.Dataset}_{a}_{b}";
        // Raw transfer can reach R² of -10 or worse; the chart stops at -1 to stay readable and the table has the numbers.
        var r2Series = conditions.Select(c => Series(c.Label, l => c.Scores(l).Scores.RSquared)).ToArray();
        double low = Math.Max(-1, r2Series.Min(s => s.Low.Min())), high = Math.Min(1, r2Series.Max(s => s.High.Max()));
        string r2Chart = LayerCurveChart.Save(Path.Combine(folder, prefix + "_transfer_r2"), $"{results.Model}: {results.Dataset}, probe trained on one prompt, tested on another",
            "test R² (cut at -1)", r2Series, yLimits: (low - 0.05, high + 0.05));
        string spearmanChart = LayerCurveChart.Save(Path.Combine(folder, prefix + "_transfer_spearman"), $"{results.Model}: {results.Dataset}, Spearman across prompts",
            "test Spearman", conditions.Where(c => !c.Label.EndsWith(" centred", StringComparison.Ordinal)).Select(c => Series(c.Label, l => c.Scores(l).Spearman)).ToArray());
        var best = results.Best;
        report.Heading($"{results.Model}: {results.Dataset}, prompt {a} against prompt {b}", 3)
              .Paragraph($"Ridge probes (leave-one-out alpha) fitted on each prompt's {results.TrainRows} training rows, tested on the {results.TestRows} test rows of the same entities " +
                         $"under its own prompt and under the other. Centred: each prompt's activations minus their mean over its own training rows (the paper's fix for a prompt's offset). " +
                         $"Best layer {results.BestLayer} (lowest training leave-one-out error of the {a} probe). Intervals: 95% percentile bootstrap over test rows, {results.BootstrapResamples} resamples. " +
                         $"Spearman does not change under a constant shift, so raw and centred transfer have the same Spearman.")
              .Table(["layer", .. conditions.Select(c => c.Label + " R²"), $"{a} -> {b} offset along probe"],
                  results.Layers.Select(l => (IReadOnlyList<string>)
                  [
                      Number(l.Layer) + (l.Layer == results.BestLayer ? " (best)" : ""),
                      .. conditions.Select(c => c.Scores(l).Scores.RSquared.Format()),
                      string.Join(", ", l.OffsetAlongProbeA.Select((v, o) => $"{results.TargetNames[o]} {Number(v, "F1")}")),
                  ]))
              .Table(["layer", .. conditions.Where(c => !c.Label.EndsWith(" centred", StringComparison.Ordinal)).Select(c => c.Label + " Spearman")],
                  results.Layers.Select(l => (IReadOnlyList<string>)
                  [
                      Number(l.Layer), .. conditions.Where(c => !c.Label.EndsWith(" centred", StringComparison.Ordinal)).Select(c => c.Scores(l).Spearman.Format()),
                  ]))
              .Paragraph($"At layer {best.Layer}: {a} -> {a} R² {best.AToA.Scores.RSquared.Format()}, {a} -> {b} raw {best.AToBRaw.Scores.RSquared.Format()}, " +
                         $"centred {best.AToBCentred.Scores.RSquared.Format()}; proximity error {best.AToA.Scores.ProximityError.Format()} within, {best.AToBCentred.Scores.ProximityError.Format()} centred across.")
              .Image(Relative(pageFolder, r2Chart), $"Test R² by layer, within and across prompts, {results.Dataset}")
              .Image(Relative(pageFolder, spearmanChart), $"Test Spearman by layer, within and across prompts, {results.Dataset}");
    }
}
