using WorldProbe.Runs;

namespace WorldProbe.Activations;

/// <summary>One chunk of a store: its dataset rows (plan order) and the checksum of every file.</summary>
/// <param name="Index">Chunk index in the batch plan.</param>
/// <param name="Rows">Dataset row indices of the chunk's rows, in the order they are stored.</param>
/// <param name="Sha256">File (relative to the store) -> SHA-256, hex.</param>
public sealed record ChunkRecord(int Index, int[] Rows, IReadOnlyDictionary<string, string> Sha256);

/// <summary>
/// manifest.json of an activation store, rewritten atomically after every chunk (so it is always
/// the last thing updated): settings, the batch plan's identity, the entity ids, and the finished chunks.
/// </summary>
public sealed record ActivationStoreManifest
{
    /// <summary>Store layout version.</summary>
    public int FormatVersion { get; init; } = 1;
    /// <summary>Model name or folder.</summary>
    public required string Model { get; init; }
    /// <summary>Dataset name.</summary>
    public required string Dataset { get; init; }
    /// <summary>Prompt template name.</summary>
    public required string Prompt { get; init; }
    /// <summary>"float16" or "float32".</summary>
    public required string StoreDType { get; init; }
    /// <summary>Layers stored (layer j = after j blocks, 0 = embeddings).</summary>
    public required int[] Layers { get; init; }
    /// <summary>Width of each row.</summary>
    public required int DModel { get; init; }
    /// <summary>Rows in the whole dataset.</summary>
    public required int TotalRows { get; init; }
    /// <summary>Rows per forward batch.</summary>
    public required int BatchSize { get; init; }
    /// <summary>Batches per chunk.</summary>
    public required int BatchesPerChunk { get; init; }
    /// <summary>Chunks in the whole plan.</summary>
    public required int ChunkCount { get; init; }
    /// <summary>Hash of the batch plan.</summary>
    public required string PlanHash { get; init; }
    /// <summary>
    /// What else fixes the numbers: model and tokenizer identity (files and their SHA-256), compute
    /// dtype, prompt details, subset rule. Resume and merge require it to be equal.
    /// </summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new SortedDictionary<string, string>();
    /// <summary>"i/N" for a shard's store, null for a whole (or merged) store.</summary>
    public string? Shard { get; init; }
    /// <summary>Stable id of every dataset row, in dataset order.</summary>
    public required string[] EntityIds { get; init; }
    /// <summary>Finished chunks, by index.</summary>
    public required IReadOnlyList<ChunkRecord> Chunks { get; init; }
    /// <summary>WorldProbe version that wrote the store.</summary>
    public string Version { get; init; } = BuildInfo.Version;
    /// <summary>Git commit of that build.</summary>
    public string GitCommit { get; init; } = BuildInfo.GitCommit;
    /// <summary>Last update.</summary>
    public DateTimeOffset UpdatedUtc { get; init; } = DateTimeOffset.UtcNow;

    /// <summary>The file name inside a store.</summary>
    public const string FileName = "manifest.json";

    /// <summary>True when the settings and plan match (resume and merge require it).</summary>
    public bool SameExtractionAs(ActivationStoreManifest other) =>
        Model == other.Model && Dataset == other.Dataset && Prompt == other.Prompt && StoreDType == other.StoreDType
        && Layers.SequenceEqual(other.Layers) && DModel == other.DModel && TotalRows == other.TotalRows
        && BatchSize == other.BatchSize && BatchesPerChunk == other.BatchesPerChunk && PlanHash == other.PlanHash
        && EntityIds.SequenceEqual(other.EntityIds)
        && Settings.Count == other.Settings.Count
        && Settings.All(pair => other.Settings.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <summary>A one-line summary of the settings, for error messages.</summary>
    public string Describe() =>
        $"model {Model}, dataset {Dataset}, prompt {Prompt}, {StoreDType}, layers [{string.Join(",", Layers)}], batch {BatchSize}, plan {PlanHash}";

    /// <summary>Writes the manifest into <paramref name="directory"/> atomically.</summary>
    public void WriteTo(string directory) => JsonRecordFile.Write(Path.Combine(directory, FileName), this);

    /// <summary>Reads a store's manifest; null when there is none yet.</summary>
    public static ActivationStoreManifest? TryRead(string directory) =>
        JsonRecordFile.TryRead<ActivationStoreManifest>(Path.Combine(directory, FileName),
            "activation-store manifest", "delete the folder and extract again");
}
