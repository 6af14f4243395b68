using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using static WorldProbe.SpaceTime.Analysis.ExperimentTable;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The tables (top neurons per target) and scatter plots (best neuron's activation against the target) of <see cref="SpaceNeurons"/>.</summary>
public static class SpaceNeuronReport
{
    /// <summary>The table header of a neuron list.</summary>
    public static IReadOnlyList<string> Header { get; } =
        ["neuron", "cos(probe, input)", "cos(probe, output)", "Spearman train", "Spearman test", "1-D ridge R² train", "1-D ridge R² test [95% CI]"];

    /// <summary>One table row for <paramref name="neuron"/>.</summary>
    public static IReadOnlyList<string> Row(NeuronScore neuron) =>
    [
        neuron.Label, Number(neuron.InputCosine), Number(neuron.OutputCosine), Number(neuron.SpearmanTrain), Number(neuron.SpearmanTest),
        neuron.TrainRSquared is double r2 ? Number(r2) : "-", neuron.TestRSquared?.Format() ?? "-",
    ];

    /// <summary>Draws the charts into <paramref name="folder"/> and adds the section to <paramref name="report"/> (page in <paramref name="pageFolder"/>).</summary>
    public static void AddSection(HtmlReport report, SpaceNeuronResults results, string folder, string pageFolder)
    {
        Directory.CreateDirectory(folder);
        report.Heading($"{results.Model}: {results.Dataset} / {results.Prompt}: MLP neurons around layer {results.Layer}", 3)
              .Paragraph($"Probe: ridge on layer {results.Layer} (all training rows of the store); its test R² on the {results.TestRows} test rows used here {results.ProbeTestRSquared.Format()}. " +
                         $"Neurons: blocks {string.Join(", ", results.Blocks)}, {results.NeuronsPerBlock} each, activation hook_mlp_post at the probed token, recomputed over {results.Entities} entities " +
                         $"({results.TrainRows} training, {results.TestRows} test; recomputed residual stream differs from the store by {results.ResidualRelativeDifference:P2}). " +
                         $"Cosines in the residual basis; unrelated directions have |cosine| about {Number(results.RandomCosineScale)}. " +
                         $"Ranked by |Spearman| on the training rows; R² of a 1-D ridge on the neuron's activation. Intervals: 95% percentile bootstrap over test rows, {results.BootstrapResamples} resamples.");
        foreach (var target in results.Targets)
        {
            var best = target.BySpearman[0];
            string chart = ValueScatterChart.Save(Path.Combine(folder, $"{results.Dataset}_neuron_{target.Target}"),
                $"{results.Model}: {results.Dataset}, neuron {best.Label} against {target.Target} (test rows)", $"activation of {best.Label} (hook_mlp_post)", target.Target,
                target.BestActivation, target.BestTarget);
            report.Heading($"{target.Target}: top neurons by |Spearman|", 4)
                  .Table(Header, target.BySpearman.Select(Row))
                  .Heading($"{target.Target}: top neurons by |cos(probe, input)|", 4)
                  .Table(Header, target.ByInputCosine.Select(Row))
                  .Heading($"{target.Target}: top neurons by |cos(probe, output)|", 4)
                  .Table(Header, target.ByOutputCosine.Select(Row))
                  .Image(Relative(pageFolder, chart), $"Activation of neuron {best.Label} against {target.Target}, test rows");
        }
    }
}
