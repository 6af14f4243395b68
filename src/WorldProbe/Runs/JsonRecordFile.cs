using System.Text.Json;

namespace WorldProbe.Runs;

/// <summary>
/// The JSON records WorldProbe keeps beside its outputs (run manifests, store manifests, training
/// state): written atomically with <see cref="RunManifest.Json"/> settings, read back with one clear
/// error for a corrupt or empty file.
/// </summary>
public static class JsonRecordFile
{
    /// <summary>Writes <paramref name="value"/> to <paramref name="path"/> atomically.</summary>
    public static void Write<T>(string path, T value) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, RunManifest.Json));

    /// <summary>
    /// Reads the record at <paramref name="path"/>; null when the file does not exist. A file that is not
    /// a valid <paramref name="what"/> is a <see cref="WorldProbeException"/> that ends with <paramref name="fix"/>.
    /// </summary>
    public static T? TryRead<T>(string path, string what, string fix) where T : class
    {
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), RunManifest.Json)
                   ?? throw new WorldProbeException($"{path}: empty {what}; {fix}.");
        }
        catch (JsonException e)
        {
            throw new WorldProbeException($"{path}: corrupt {what} ({e.Message}); {fix}.", e);
        }
    }
}
