using System.Text.Json;
using WorldProbe.Runs;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>Per-layer probes of one activation store: what <c>worldprobe space probe</c> writes as results.json.</summary>
/// <param name="Store">The store's folder.</param>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="TargetNames">Names of the target's components.</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="BootstrapResamples">Resamples of every interval (95%, percentile, over test rows).</param>
/// <param name="BestLayer">The layer with the lowest training leave-one-out error (chosen without the test rows).</param>
/// <param name="Layers">Every layer's result.</param>
/// <param name="BestLayerPredictions">Test predictions of the best layer.</param>
public sealed record SpaceProbeResults(
    string Store,
    string Model,
    string Dataset,
    string Prompt,
    string Kind,
    IReadOnlyList<string> TargetNames,
    int TrainRows,
    int TestRows,
    int BootstrapResamples,
    int BestLayer,
    IReadOnlyList<LayerProbeResult> Layers,
    IReadOnlyList<TestPrediction> BestLayerPredictions)
{
    /// <summary>The file name inside a probe run's folder.</summary>
    public const string FileName = "results.json";

    // NaN can occur (a constant test target has no correlation); keep it readable rather than fail.
    static readonly JsonSerializerOptions JsonOptions = new(RunManifest.Json) { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>The best layer's result.</summary>
    public LayerProbeResult Best => Layers.First(l => l.Layer == BestLayer);

    /// <summary>Writes results.json into <paramref name="folder"/> atomically.</summary>
    public void WriteTo(string folder) =>
        AtomicFile.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, JsonOptions));

    /// <summary>Reads a results.json (or the one inside a folder).</summary>
    public static SpaceProbeResults Read(string path)
    {
        if (Directory.Exists(path)) path = Path.Combine(path, FileName);
        if (!File.Exists(path)) throw new WorldProbeException($"{path}: no probe results; run `worldprobe space probe --store DIR --out DIR` first.");
        try
        {
            return JsonSerializer.Deserialize<SpaceProbeResults>(File.ReadAllText(path), JsonOptions)
                   ?? throw new WorldProbeException($"{path}: empty probe results.");
        }
        catch (JsonException e)
        {
            throw new WorldProbeException($"{path}: corrupt probe results ({e.Message}); run `worldprobe space probe` again.", e);
        }
    }
}
