using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>What an activation store holds; a resumed or merged store must have exactly these settings.</summary>
/// <param name="Model">Model name or folder.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt template name.</param>
/// <param name="StoreDType">Element type on disk: float16 or float32.</param>
/// <param name="Layers">Layers stored (layer j = residual stream after j blocks; 0 = embeddings).</param>
/// <param name="BatchSize">Rows per forward batch.</param>
/// <param name="BatchesPerChunk">Batches per chunk file (the unit of resumption and sharding).</param>
/// <param name="Details">Further settings recorded in the manifest (model and tokenizer identity, compute dtype...); null = none.</param>
public sealed record ExtractionSettings(
    string Model,
    string Dataset,
    string Prompt,
    ScalarType StoreDType,
    IReadOnlyList<int> Layers,
    int BatchSize,
    int BatchesPerChunk = 16,
    IReadOnlyDictionary<string, string>? Details = null)
{
    /// <summary>"float16" or "float32", as written in the manifest.</summary>
    public string StoreDTypeName => StoreDType == ScalarType.Float16 ? "float16" : "float32";

    /// <summary>Parses --store-dtype.</summary>
    public static ScalarType ParseStoreDType(string name) => name.ToLowerInvariant() switch
    {
        "fp16" or "float16" => ScalarType.Float16,
        "fp32" or "float32" => ScalarType.Float32,
        _ => throw new WorldProbeException($"--store-dtype {name}: use fp16 or fp32."),
    };
}
