using System.Globalization;
using System.Text.Json;
using WorldProbe.Othello.Probes;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Interventions;

/// <summary>
/// The intervention rows a study folder already holds, so that a killed sweep resumes at the setting it stopped in.
/// Each finished row is added to intervention-progress.json (rewritten atomically) under a key of the study's settings,
/// the model's weights and the probes' weights; a run under another key starts afresh. The null baselines are not
/// stored: they take a second and are computed again.
/// </summary>
public sealed class FinishedInterventions
{
    /// <summary>The file in the study folder.</summary>
    public const string FileName = "intervention-progress.json";

    /// <summary>What the file holds.</summary>
    /// <param name="Key">The key the rows were made under.</param>
    /// <param name="Rows">Finished rows.</param>
    public sealed record Progress(string Key, List<InterventionResult> Rows);

    readonly string path;
    readonly Progress progress;

    FinishedInterventions(string path, Progress progress) => (this.path, this.progress) = (path, progress);

    /// <summary>Opens <paramref name="folder"/> for a sweep with these settings and probes.</summary>
    public static FinishedInterventions Open(string folder, InterventionSettings settings, IReadOnlyDictionary<ProbeKind, Dictionary<int, BoardProbe>> probes)
    {
        string path = Path.Combine(folder, FileName);
        string key = Key(settings, probes);
        Progress? stored = null;
        // A progress file that cannot be read is a sweep to run again, not an error.
        try { stored = JsonRecordFile.TryRead<Progress>(path, "intervention progress", "the sweep is run again"); }
        catch (WorldProbeException) { }
        return new FinishedInterventions(path, stored is not null && stored.Key == key ? stored : new Progress(key, []));
    }

    /// <summary>The finished row of this setting, if any.</summary>
    public InterventionResult? Find(string tileEdit, string method, string probe, int start, double parameter) =>
        progress.Rows.FirstOrDefault(r => r.TileEdit == tileEdit && r.Method == method && r.Probe == probe && r.StartLayer == start && r.Parameter == parameter);

    /// <summary>Adds a finished row and rewrites the file.</summary>
    public void Record(InterventionResult row)
    {
        progress.Rows.Add(row);
        JsonRecordFile.Write(path, progress);
    }

    static string Key(InterventionSettings settings, IReadOnlyDictionary<ProbeKind, Dictionary<int, BoardProbe>> probes)
    {
        // A probe is named by its weights: the sums of its parameters, exact to the last bit.
        var probeSums = probes.OrderBy(p => p.Key).SelectMany(kind => kind.Value.OrderBy(l => l.Key).Select(layer =>
        {
            using var scope = NewDisposeScope();
            double sum = layer.Value.parameters().Sum(p => p.detach().to(ScalarType.Float64).abs().sum().item<double>());
            return $"{kind.Key.Name()}-{layer.Key}:{sum.ToString("R", CultureInfo.InvariantCulture)}";
        })).ToArray();
        return JsonSerializer.Serialize(new
        {
            Weights = WeightsStamp.Of(settings.ModelFolder),
            Corpus = settings.CorpusPath is null ? null : Path.GetFullPath(settings.CorpusPath),
            settings.ProbeGames,
            settings.Cases,
            settings.Steps,
            settings.Seed,
            Probes = probeSums,
        }, RunManifest.Json);
    }
}
