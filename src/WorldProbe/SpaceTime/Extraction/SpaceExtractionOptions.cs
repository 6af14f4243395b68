using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Extraction;

/// <summary>What <c>worldprobe space extract</c> does.</summary>
/// <param name="Model">An embedded model name ("minilm") or a Hugging Face model folder.</param>
/// <param name="Dataset">Dataset name (<see cref="Datasets.SpaceTimeDatasets.Names"/>).</param>
/// <param name="Prompt">Prompt name; null = the dataset's main prompt.</param>
/// <param name="Output">The store's folder.</param>
/// <param name="Layers">Layers to keep (layer j = after j blocks); null = all, 0..n_layers.</param>
/// <param name="StoreDType">float16 or float32 on disk.</param>
/// <param name="BatchSize">Rows per padded forward batch.</param>
/// <param name="Shard">This process's shard.</param>
/// <param name="MaxEntities">Keep an evenly spaced subset of at most this many entities (null = all).</param>
/// <param name="Seed">Base seed of the random prompt prefix.</param>
/// <param name="DataRoot">Dataset folder; null = the vendored data/spacetime.</param>
/// <param name="CacheRoot">Embedded-model cache; null = the user's cache.</param>
/// <param name="BatchesPerChunk">Batches per chunk file (the unit of resumption and sharding).</param>
/// <param name="RandomInitSeed">When set, the model's weights are replaced by a fresh initialisation with this seed
/// (same architecture and tokenizer; a control for what training put into the residual stream).</param>
public sealed record SpaceExtractionOptions(
    string Model,
    string Dataset,
    string? Prompt,
    string Output,
    IReadOnlyList<int>? Layers = null,
    ScalarType StoreDType = ScalarType.Float16,
    int BatchSize = 64,
    Activations.ShardSpec Shard = default,
    int? MaxEntities = null,
    long Seed = 0,
    string? DataRoot = null,
    string? CacheRoot = null,
    int BatchesPerChunk = 16,
    long? RandomInitSeed = null);
