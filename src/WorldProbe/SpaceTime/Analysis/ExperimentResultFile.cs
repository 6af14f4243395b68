using System.Text.Json;
using System.Text.Json.Serialization;
using WorldProbe.Runs;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// The results JSON of a probing experiment (mlp.json, block-holdout.json...): written atomically with the
/// run manifest's settings, plus NaN allowed (an angle or a correlation can be undefined), read back
/// with one clear error.
/// </summary>
public static class ExperimentResultFile
{
    static readonly JsonSerializerOptions Json = new(RunManifest.Json) { NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Json));

    /// <summary>Reads the results at <paramref name="path"/>.</summary>
    public static T Read<T>(string path)
    {
        if (!File.Exists(path)) throw new WorldProbeException($"{path}: no experiment results; run `worldprobe space probe --experiment NAME` first.");
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json) ?? throw new WorldProbeException($"{path}: empty experiment results; run the experiment again.");
        }
        catch (JsonException e)
        {
            throw new WorldProbeException($"{path}: corrupt experiment results ({e.Message}); run the experiment again.", e);
        }
    }
}
