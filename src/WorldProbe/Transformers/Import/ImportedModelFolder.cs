using System.Buffers.Binary;
using System.Text.Json;
using System.Text.Json.Nodes;
using WorldProbe.Runs;

namespace WorldProbe.Transformers.Import;

/// <summary>
/// The import.json written last into an imported model folder: where the folder came from and the
/// size of every file, so that a folder left half-written or damaged is recognised and re-created.
/// </summary>
public static class ImportedModelFolder
{
    /// <summary>The manifest's file name.</summary>
    public const string ManifestName = "import.json";

    /// <summary>Writes the manifest for the files now in <paramref name="folder"/>.</summary>
    public static void WriteManifest(string folder, string source, string version, string license)
    {
        var files = new JsonObject();
        foreach (var file in Directory.GetFiles(folder).Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(file);
            if (name == ManifestName || name.StartsWith('.')) continue;
            files[name] = new FileInfo(file).Length;
        }
        var manifest = new JsonObject
        {
            ["source"] = source,
            ["version"] = version,
            ["license"] = license,
            ["files"] = files,
        };
        AtomicFile.WriteAllText(Path.Combine(folder, ManifestName), manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    /// <summary>
    /// True when <paramref name="folder"/> holds a manifest for <paramref name="version"/>, every file
    /// it lists with its recorded size, and a model.safetensors whose header accounts for the whole file.
    /// </summary>
    public static bool IsComplete(string folder, string version)
    {
        try
        {
            string manifestPath = Path.Combine(folder, ManifestName);
            if (!File.Exists(manifestPath)) return false;
            var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
            if ((string?)manifest["version"] != version) return false;
            foreach (var (name, size) in manifest["files"]!.AsObject())
            {
                var info = new FileInfo(Path.Combine(folder, name));
                if (!info.Exists || info.Length != (long)size!) return false;
            }
            return SafetensorsHeaderCoversFile(Path.Combine(folder, "model.safetensors"));
        }
        catch (Exception e) when (e is JsonException or IOException or InvalidOperationException or FormatException or NullReferenceException)
        {
            return false;
        }
    }

    // A safetensors file is an 8-byte little-endian header length, a JSON header, then the data;
    // the largest data_offsets end must be exactly the data's length.
    static bool SafetensorsHeaderCoversFile(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> prefix = stackalloc byte[8];
        if (stream.Length < 8 || stream.Read(prefix) != 8) return false;
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (headerLength <= 0 || headerLength > stream.Length - 8) return false;
        var header = new byte[headerLength];
        stream.ReadExactly(header);
        using var document = JsonDocument.Parse(header);
        long end = 0;
        foreach (var entry in document.RootElement.EnumerateObject())
            if (entry.Name != "__metadata__")
                end = Math.Max(end, entry.Value.GetProperty("data_offsets")[1].GetInt64());
        return end == stream.Length - 8 - headerLength;
    }
}
