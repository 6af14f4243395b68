using System.Text.Json;
using WorldProbe.Runs;

namespace WorldProbe.Othello.Probes;

/// <summary>
/// The probes a study folder already holds, so that a killed study resumes where it stopped. Each trained probe's result
/// is written beside its weights (atomically, after them) and reused while the study's key (the model's weights, the
/// games, the training options) is the one it was made under; opening the folder under another key clears them.
/// Which targets, kinds, layers or workers a run asks for is not part of the key: a probe depends only on the key and its
/// own target, kind and layer.
/// </summary>
public sealed class FinishedProbes
{
    const string KeyFileName = "study-key.json";
    const string ResultSuffix = ".result.json";
    readonly string folder;

    FinishedProbes(string folder) => this.folder = folder;

    /// <summary>Opens <paramref name="folder"/> for a study run with <paramref name="settings"/>.</summary>
    public static FinishedProbes Open(string folder, ProbeStudySettings settings)
    {
        Directory.CreateDirectory(folder);
        string key = Key(settings);
        string keyFile = Path.Combine(folder, KeyFileName);
        if (!File.Exists(keyFile) || File.ReadAllText(keyFile) != key)
        {
            foreach (var stale in Directory.GetFiles(folder, "*" + ResultSuffix)) File.Delete(stale);
            AtomicFile.WriteAllText(keyFile, key);
        }
        return new FinishedProbes(folder);
    }

    /// <summary>The result of probe <paramref name="name"/> (a <see cref="ProbeStudy.ProbeFileName"/>) if it finished under this key.</summary>
    public ProbeLayerResult? Find(string name)
    {
        if (!File.Exists(Path.Combine(folder, name + ".safetensors"))) return null;
        // A result file that cannot be read is a probe to train again, not an error.
        try { return JsonRecordFile.TryRead<ProbeLayerResult>(Path.Combine(folder, name + ResultSuffix), "probe result", "it is retrained"); }
        catch (WorldProbeException) { return null; }
    }

    /// <summary>Records that probe <paramref name="name"/> finished (call after its weights are saved).</summary>
    public void Record(string name, ProbeLayerResult result) => JsonRecordFile.Write(Path.Combine(folder, name + ResultSuffix), result);

    static string Key(ProbeStudySettings settings)
    {
        return JsonSerializer.Serialize(new
        {
            Weights = WeightsStamp.Of(settings.ModelFolder),
            Corpus = settings.CorpusPath is null ? null : Path.GetFullPath(settings.CorpusPath),
            settings.Games,
            settings.Training,
            ProbeStudy.RandomModelSeed,
        }, RunManifest.Json);
    }
}
