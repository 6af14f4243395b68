using System.CommandLine;
using WorldProbe.Cli.Console;
using WorldProbe.Reports;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Analysis;

namespace WorldProbe.Cli.Commands;

/// <summary>
/// The `--experiment NAME` choices of `space probe` other than the default per-layer probes: their
/// options, and the dispatch from a name to the library experiment, its results file and its report
/// section. Kept apart from <see cref="SpaceProbeCommands"/> so that experiments are added here.
/// </summary>
public sealed class SpaceExperiments
{
    /// <summary>The default: per-layer ridge probes (`space probe` without an experiment).</summary>
    public const string Layers = "layers";

    /// <summary>Every experiment name this class runs.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [MlpVersusLinear.Name, BlockHoldout.Name, EntityTypeHoldout.Name, PrincipalComponentProbe.Name, ProbeControls.Name, .. PromptNeuronExperiments.Names];

    readonly Option<string> experiment = new("--experiment")
    {
        Description = $"What to run: {Layers} (default: a ridge probe per layer), {MlpVersusLinear.Name} (ridge vs MLP probe per layer), " +
                      $"{BlockHoldout.Name} (hold out each country/state/borough/century/year), {EntityTypeHoldout.Name} (hold out each entity type), " +
                      $"{PrincipalComponentProbe.Name} (ridge on the top k principal components), {ProbeControls.Name} (layer 0, shuffled targets, random-init model), " + PromptNeuronExperiments.Description + ".",
        DefaultValueFactory = _ => Layers,
    };
    readonly Option<int?> layer = new("--layer") { Description = "Layer of the holdout, pca and controls experiments (default: lowest training leave-one-out error)." };
    readonly Option<string?> layers = new("--layers") { Description = "Layers of the mlp experiment, e.g. 0,3,6 or 2-5 (default: all)." };
    readonly Option<string?> block = new("--block") { Description = "block-holdout: metadata key of the blocks (country, state, borough, century, decade, year; default: the dataset's own)." };
    readonly Option<int> minEntities = new("--min-entities") { Description = "Holdouts: only groups with at least this many entities.", DefaultValueFactory = _ => 50 };
    readonly Option<int?> maxTrainRows = new("--max-train-rows") { Description = "mlp: fit both probes on an evenly spaced subset of at most N training rows." };
    readonly PromptNeuronExperiments promptNeurons;
    readonly Option<string?> randomStore = new("--random-store") { Description = "controls: the same dataset extracted with `space extract --random-init SEED`." };

    /// <summary>Adds the experiment options to <paramref name="command"/>.</summary>
    public SpaceExperiments(Command command)
    {
        experiment.AcceptOnlyFromAmong([Layers, .. Names]);
        foreach (var option in new Option[] { experiment, layer, layers, block, minEntities, maxTrainRows, randomStore }) command.Options.Add(option);
        promptNeurons = new PromptNeuronExperiments(command);
    }

    /// <summary>The experiment chosen on the command line.</summary>
    public string Selected(ParseResult parse) => parse.GetValue(experiment) ?? Layers;

    /// <summary>
    /// Runs the chosen experiment on <paramref name="store"/>, writes its results JSON, charts and
    /// report.html into <paramref name="folder"/>, prints a short summary and returns the report's path.
    /// </summary>
    public string Run(ParseResult parse, string store, string folder, int resamples, long seed, bool json)
    {
        string name = Selected(parse);
        var options = new SpaceExperimentOptions
        {
            BootstrapResamples = resamples,
            Seed = seed,
            Layer = parse.GetValue(layer),
            Layers = SpaceProbeCommands.ParseLayers(parse.GetValue(layers)),
            MinGroupEntities = parse.GetValue(minEntities),
            BlockKey = parse.GetValue(block),
            MaxTrainRows = parse.GetValue(maxTrainRows),
        };
        var data = ProbeData.Open(store);
        string charts = Path.Combine(folder, "charts");
        var report = new HtmlReport($"Space and time probes, {name}: {data.Model} on {data.Dataset}");
        object summary;
        switch (name)
        {
            case MlpVersusLinear.Name:
            {
                var results = ConsoleProgress.Run(progress => MlpVersusLinear.Run(data, options, progress));
                ExperimentResultFile.Write(Path.Combine(folder, MlpVersusLinearResults.FileName), results);
                MlpVersusLinearReport.AddSection(report, results, charts, folder);
                summary = results.Layers.Select(l => new { l.Layer, ridgeR2 = l.Ridge.RSquared.Format(), mlpR2 = l.Mlp.RSquared.Format(),
                    ridgeProximity = l.Ridge.ProximityError.Format(), mlpProximity = l.Mlp.ProximityError.Format() });
                break;
            }
            case BlockHoldout.Name or EntityTypeHoldout.Name:
            {
                var results = ConsoleProgress.Run(progress => name == BlockHoldout.Name ? BlockHoldout.Run(data, options, progress) : EntityTypeHoldout.Run(data, options, progress));
                ExperimentResultFile.Write(Path.Combine(folder, GroupHoldoutResults.FileNameOf(name)), results);
                GroupHoldoutReport.AddSection(report, results, charts, folder);
                summary = new { results.Layer, results.GroupedBy, groups = results.Groups.Count, randomProximity = results.PooledRandomSplit.ProximityError.Format(),
                    holdoutProximity = results.PooledHoldout.ProximityError.Format(), meanHoldoutAngle = results.MeanHoldoutAngleDegrees };
                break;
            }
            case PrincipalComponentProbe.Name:
            {
                var results = ConsoleProgress.Run(progress => PrincipalComponentProbe.Run(data, options, progress));
                ExperimentResultFile.Write(Path.Combine(folder, PrincipalComponentResults.FileName), results);
                PrincipalComponentReport.AddSection(report, results, charts, folder);
                summary = results.Rows.Select(r => new { k = r.Components, r2 = r.Scores.RSquared.Format(), proximity = r.Scores.ProximityError.Format() });
                break;
            }
            case ProbeControls.Name:
            {
                var random = parse.GetValue(randomStore) is string path ? ProbeData.Open(path) : null;
                var results = ConsoleProgress.Run(progress => ProbeControls.Run(data, random, options, progress));
                ExperimentResultFile.Write(Path.Combine(folder, ProbeControlResults.FileName), results);
                ProbeControlReport.AddSection(report, results, charts, folder);
                summary = results.Rows.Select(r => new { r.Control, r.Layer, r2 = r.Scores.RSquared.Format(), proximity = r.Scores.ProximityError.Format() });
                break;
            }
            case PromptTransfer.Name or SpaceNeurons.Name:
                summary = promptNeurons.Run(name, parse, store, folder, report, options);
                break;
            default:
                throw new WorldProbeException($"--experiment {name}: unknown; choose {Layers} or one of {string.Join(", ", Names)}.");
        }
        string page = Path.Combine(folder, "report.html");
        report.Save(page);
        if (json) CommonOptions.PrintJson(summary);
        else System.Console.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(summary, RunManifest.Json));
        return page;
    }
}
