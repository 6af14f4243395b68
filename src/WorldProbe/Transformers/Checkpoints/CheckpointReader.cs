using System.Text.Json;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Checkpoints;

/// <summary>
/// The weights of a model folder: one model.safetensors, or shards listed in model.safetensors.index.json,
/// or (failing both) every *.safetensors file in the folder. Tensors are read by name, one at a time.
/// </summary>
public sealed class CheckpointReader : IDisposable
{
    readonly List<SafetensorsFile> files = [];
    readonly Dictionary<string, SafetensorsFile> byName = new(StringComparer.Ordinal);

    /// <summary>Where the weights came from (a folder or a file).</summary>
    public string Source { get; }

    /// <summary>Every tensor name in the checkpoint.</summary>
    public IEnumerable<string> Names => byName.Keys;

    CheckpointReader(string source, IEnumerable<string> paths)
    {
        Source = source;
        try
        {
            foreach (string path in paths)
            {
                var file = SafetensorsFile.Open(path);
                files.Add(file);
                foreach (string name in file.Entries.Keys) byName[name] = file;
            }
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens a single .safetensors file.</summary>
    public static CheckpointReader OpenFile(string path) => new(path, [path]);

    /// <summary>Opens the weights of a Hugging Face model folder.</summary>
    public static CheckpointReader OpenFolder(string folder)
    {
        string single = Path.Combine(folder, "model.safetensors");
        if (File.Exists(single)) return new CheckpointReader(folder, [single]);
        string index = Path.Combine(folder, "model.safetensors.index.json");
        if (File.Exists(index)) return new CheckpointReader(folder, ShardsOf(index));
        var any = Directory.EnumerateFiles(folder, "*.safetensors").Order(StringComparer.Ordinal).ToList();
        if (any.Count == 0)
            throw new WorldProbeException($"{folder}: no model.safetensors, model.safetensors.index.json or *.safetensors file. Convert PyTorch .bin weights to safetensors first (transformers: model.save_pretrained(dir, safe_serialization=True)).");
        return new CheckpointReader(folder, any);
    }

    static IEnumerable<string> ShardsOf(string index)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(index));
            return document.RootElement.GetProperty("weight_map").EnumerateObject()
                .Select(p => p.Value.GetString()!).Distinct(StringComparer.Ordinal)
                .Select(shard => Path.Combine(Path.GetDirectoryName(index)!, shard)).ToList();
        }
        catch (Exception error) when (error is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new WorldProbeException($"{index}: not a valid safetensors index (expected a JSON object with a \"weight_map\" of tensor name -> shard file): {error.Message}", error);
        }
    }

    /// <summary>Whether the checkpoint holds a tensor of this name.</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>
    /// The first of <paramref name="prefixes"/> under which <paramref name="probe"/> exists (a model saved with
    /// its task head prefixes names, e.g. "model." or "transformer."); the first prefix when none matches.
    /// </summary>
    public string PrefixOf(string probe, params string[] prefixes)
    {
        foreach (string prefix in prefixes)
            if (Contains(prefix + probe)) return prefix;
        return prefixes[0];
    }

    /// <summary>The entry (dtype, shape) of a tensor.</summary>
    public SafetensorsEntry Entry(string name) => byName.TryGetValue(name, out var file)
        ? file.Entries[name]
        : throw new WorldProbeException($"{Source}: no tensor named '{name}'.");

    /// <summary>Reads one tensor into a new CPU tensor (the checkpoint's dtype).</summary>
    public Tensor Read(string name) => byName.TryGetValue(name, out var file)
        ? file.Read(name)
        : throw new WorldProbeException($"{Source}: no tensor named '{name}'.");

    /// <summary>Unmaps every file.</summary>
    public void Dispose()
    {
        foreach (var file in files) file.Dispose();
        files.Clear();
    }
}
