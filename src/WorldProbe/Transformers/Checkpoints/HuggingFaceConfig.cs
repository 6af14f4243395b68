using System.Text.Json;
using System.Text.Json.Nodes;

namespace WorldProbe.Transformers.Checkpoints;

/// <summary>
/// A Hugging Face config.json, read the same whichever transformers version wrote it: transformers 5
/// (rope_parameters, dtype) or older (rope_theta, rope_scaling, rotary_pct, torch_dtype).
/// </summary>
public sealed class HuggingFaceConfig
{
    readonly JsonObject root;

    /// <summary>The file it was read from.</summary>
    public string Path { get; }

    HuggingFaceConfig(string path, JsonObject root)
    {
        Path = path;
        this.root = root;
    }

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    public static HuggingFaceConfig Read(string path)
    {
        if (!File.Exists(path)) throw new WorldProbeException($"{path}: no such file; a Hugging Face model folder needs a config.json.");
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) is JsonObject root
                ? new HuggingFaceConfig(path, root)
                : throw new WorldProbeException($"{path}: expected a JSON object.");
        }
        catch (JsonException error)
        {
            throw new WorldProbeException($"{path}: not valid JSON (line {error.LineNumber + 1}): {error.Message}", error);
        }
    }

    /// <summary>model_type (e.g. "llama").</summary>
    public string ModelType => String("model_type") ?? throw new WorldProbeException($"{Path}: no \"model_type\"; is this a Hugging Face config.json?");

    /// <summary>Whether the key is present and not null.</summary>
    public bool Has(string key) => root[key] is not null;

    /// <summary>A string value, or null.</summary>
    public string? String(string key) => root[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    /// <summary>A required integer; the first of <paramref name="keys"/> present wins.</summary>
    public int Int(params string[] keys)
    {
        foreach (string key in keys)
            if (root[key] is JsonValue value) return ReadInt(key, value);
        throw new WorldProbeException($"{Path}: missing \"{string.Join("\" or \"", keys)}\".");
    }

    /// <summary>An optional integer.</summary>
    public int? OptionalInt(string key) => root[key] is JsonValue value ? ReadInt(key, value) : null;

    /// <summary>A number with a default.</summary>
    public double Double(string key, double fallback) => root[key] is JsonValue value ? ReadDouble(key, value) : fallback;

    /// <summary>A boolean with a default.</summary>
    public bool Bool(string key, bool fallback) => root[key] is JsonValue value && value.TryGetValue(out bool flag) ? flag : fallback;

    /// <summary>The stored weights' dtype name ("float32", "bfloat16", ...): "dtype" (v5) or "torch_dtype" (v4).</summary>
    public string? WeightDType => String("dtype") ?? String("torch_dtype");

    /// <summary>Rotary settings for a head of <paramref name="headDim"/> dims; <paramref name="defaultFraction"/> of them rotate unless the config says otherwise.</summary>
    public RotaryConfig Rotary(int headDim, double defaultFraction = 1.0)
    {
        // v5 keeps everything in rope_parameters; v4 spreads it over rope_theta (Pythia: rotary_emb_base), rope_scaling, rotary_pct / partial_rotary_factor.
        var parameters = root["rope_parameters"] as JsonObject;
        var scaling = parameters ?? root["rope_scaling"] as JsonObject;
        double theta = Number(parameters, "rope_theta") ?? Double("rope_theta", Double("rotary_emb_base", 10000));
        double fraction = Number(parameters, "partial_rotary_factor") ?? (Has("rotary_pct") ? Double("rotary_pct", 1) : Double("partial_rotary_factor", defaultFraction));
        string type = scaling is null ? "default" : (Text(scaling, "rope_type") ?? Text(scaling, "type") ?? "default");
        int dims = (int)(headDim * fraction);
        if (scaling is null || type == "default") return new RotaryConfig(theta, dims);
        return new RotaryConfig(theta, dims, type,
            Factor: Number(scaling, "factor") ?? 1,
            LowFreqFactor: Number(scaling, "low_freq_factor") ?? 1,
            HighFreqFactor: Number(scaling, "high_freq_factor") ?? 4,
            OriginalContext: (int)(Number(scaling, "original_max_position_embeddings") ?? 8192));
    }

    int ReadInt(string key, JsonValue value) =>
        value.TryGetValue(out int number) ? number : throw new WorldProbeException($"{Path}: \"{key}\" should be an integer, not {value.ToJsonString()}.");

    double ReadDouble(string key, JsonValue value) =>
        value.TryGetValue(out double number) ? number : throw new WorldProbeException($"{Path}: \"{key}\" should be a number, not {value.ToJsonString()}.");

    static double? Number(JsonObject? node, string key) => node?[key] is JsonValue value && value.TryGetValue(out double number) ? number : null;

    static string? Text(JsonObject node, string key) => node[key] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
