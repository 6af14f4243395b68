using System.CommandLine;
using WorldProbe.Cli.Console;
using WorldProbe.Reports;
using WorldProbe.SpaceTime.Analysis;

namespace WorldProbe.Cli.Commands;

/// <summary>
/// The `space probe` experiments prompt-transfer and neurons: their options and their dispatch to the
/// library (results JSON, charts, report section). <see cref="SpaceExperiments"/> hands these names here.
/// </summary>
public sealed class PromptNeuronExperiments
{
    /// <summary>The experiment names handled here.</summary>
    public static IReadOnlyList<string> Names { get; } = [PromptTransfer.Name, SpaceNeurons.Name];

    /// <summary>Their part of the --experiment description.</summary>
    public static string Description =>
        $"{PromptTransfer.Name} (probe trained on --store's prompt, tested on --test-store's prompt, raw and mean-centred), " +
        $"{SpaceNeurons.Name} (MLP neurons around the probed layer against the probe direction and the targets; needs --model)";

    readonly Option<string?> testStore = new("--test-store") { Description = $"{PromptTransfer.Name}: a store of the same model, dataset and entities under another prompt." };
    readonly Option<string?> model = new("--model") { Description = $"{SpaceNeurons.Name}: the model the store was extracted from (embedded name or folder; checked against the store's manifest)." };
    readonly Option<string?> blocks = new("--blocks") { Description = $"{SpaceNeurons.Name}: blocks whose neurons to measure, e.g. 4,5 or 2-5 (default: L-2..L+1 around the probed layer L)." };
    readonly Option<int?> maxEntities = new("--max-entities") { Description = $"{SpaceNeurons.Name}: run the model over an evenly spaced subset of at most N of the store's entities." };
    readonly Option<int> top = new("--top") { Description = $"{SpaceNeurons.Name}: neurons listed per target and ranking.", DefaultValueFactory = _ => 10 };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public PromptNeuronExperiments(Command command)
    {
        foreach (var option in new Option[] { testStore, model, blocks, maxEntities, top }) command.Options.Add(option);
    }

    /// <summary>Runs experiment <paramref name="name"/>, writes its JSON and adds its report section; returns the summary to print.</summary>
    public object Run(string name, ParseResult parse, string store, string folder, HtmlReport report, SpaceExperimentOptions options)
    {
        string charts = Path.Combine(folder, "charts");
        if (name == PromptTransfer.Name)
        {
            string other = parse.GetValue(testStore) ?? throw new WorldProbeException($"--experiment {PromptTransfer.Name} needs --test-store DIR: a store of the same dataset and entities under another prompt.");
            var results = ConsoleProgress.Run(progress => PromptTransfer.Run(store, other, options, progress));
            ExperimentResultFile.Write(Path.Combine(folder, PromptTransferResults.FileName), results);
            PromptTransferReport.AddSection(report, results, charts, folder);
            return results.Layers.Select(l => new
            {
                l.Layer,
                same = l.AToA.Scores.RSquared.Format(),
                other = l.BToB.Scores.RSquared.Format(),
                raw = l.AToBRaw.Scores.RSquared.Format(),
                centred = l.AToBCentred.Scores.RSquared.Format(),
                spearmanSame = l.AToA.Spearman.Format(),
                spearmanAcross = l.AToBRaw.Spearman.Format(),
            });
        }
        string modelName = parse.GetValue(model) ?? throw new WorldProbeException($"--experiment {SpaceNeurons.Name} needs --model NAME|DIR: the model the store was extracted from.");
        var neuronOptions = new NeuronOptions(SpaceProbeCommands.ParseLayers(parse.GetValue(blocks)), parse.GetValue(maxEntities), parse.GetValue(top));
        var neurons = ConsoleProgress.Run(progress => SpaceNeurons.Run(store, modelName, neuronOptions, options, progress));
        ExperimentResultFile.Write(Path.Combine(folder, SpaceNeuronResults.FileName), neurons);
        SpaceNeuronReport.AddSection(report, neurons, charts, folder);
        return new
        {
            neurons.Layer,
            neurons.Blocks,
            probeR2 = neurons.ProbeTestRSquared.Format(),
            targets = neurons.Targets.Select(t => new
            {
                t.Target,
                best = t.BySpearman.Take(3).Select(n => new { n.Label, n.SpearmanTrain, n.SpearmanTest, n.InputCosine, n.OutputCosine, testR2 = n.TestRSquared?.Format() }),
                topInputCosine = t.ByInputCosine[0].Label + " " + t.ByInputCosine[0].InputCosine.ToString("F3", System.Globalization.CultureInfo.InvariantCulture),
            }),
        };
    }
}
