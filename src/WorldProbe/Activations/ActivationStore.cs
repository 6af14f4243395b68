using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>
/// A finished (or partial) activation store opened for reading: one matrix per layer, rows in
/// dataset order, with the entity ids they belong to.
/// </summary>
public sealed class ActivationStore
{
    /// <summary>The store's folder.</summary>
    public string Directory { get; }

    /// <summary>Its manifest.</summary>
    public ActivationStoreManifest Manifest { get; }

    ActivationStore(string directory, ActivationStoreManifest manifest)
    {
        Directory = directory;
        Manifest = manifest;
    }

    /// <summary>Opens the store in <paramref name="directory"/>; fails clearly when it is missing or incomplete.</summary>
    /// <param name="directory">The store's folder.</param>
    /// <param name="allowPartial">Accept a store that lacks chunks (a shard, or a run still going).</param>
    public static ActivationStore Open(string directory, bool allowPartial = false)
    {
        var manifest = ActivationStoreManifest.TryRead(directory)
            ?? throw new WorldProbeException($"{directory}: no {ActivationStoreManifest.FileName}; not an activation store (run `worldprobe space extract` first).");
        var missing = Enumerable.Range(0, manifest.ChunkCount).Except(manifest.Chunks.Select(c => c.Index)).ToList();
        if (missing.Count > 0 && !allowPartial)
            throw new WorldProbeException(
                $"{directory}: incomplete store, {missing.Count} of {manifest.ChunkCount} chunks missing (first: {missing[0]}); " +
                "resume the extraction with the same command, or merge the other shards with `worldprobe space merge`.");
        return new ActivationStore(directory, manifest);
    }

    /// <summary>Dataset rows present in the store, ascending.</summary>
    public int[] Rows => Manifest.Chunks.SelectMany(c => c.Rows).Order().ToArray();

    /// <summary>
    /// Layer <paramref name="layer"/> as float32 <c>// [rows, d_model]</c>, rows in dataset order
    /// (the order of <see cref="Rows"/>).
    /// </summary>
    public Tensor ReadLayer(int layer)
    {
        if (!Manifest.Layers.Contains(layer))
            throw new WorldProbeException($"{Directory}: layer {layer} is not stored; stored layers: {string.Join(", ", Manifest.Layers)}.");
        int[] rows = Rows;
        var position = new Dictionary<int, int>(rows.Length);
        for (int i = 0; i < rows.Length; i++) position[rows[i]] = i;
        var result = empty(rows.Length, Manifest.DModel, dtype: ScalarType.Float32); // [rows, d_model]
        foreach (var chunk in Manifest.Chunks)
        {
            using var scope = NewDisposeScope();
            var data = NpyFile.Read(Path.Combine(Directory, StoreLayout.LayerChunk(layer, chunk.Index)));
            if (data.shape[0] != chunk.Rows.Length || data.shape[1] != Manifest.DModel)
                throw new WorldProbeException($"{Directory}: {StoreLayout.LayerChunk(layer, chunk.Index)} has shape [{string.Join(", ", data.shape)}], expected [{chunk.Rows.Length}, {Manifest.DModel}]; the store is corrupt.");
            var target = tensor(chunk.Rows.Select(r => (long)position[r]).ToArray());
            result.index_copy_(0, target, data.to(ScalarType.Float32));
        }
        return result;
    }

    /// <summary>Entity ids of <see cref="Rows"/>.</summary>
    public string[] EntityIds => Rows.Select(r => Manifest.EntityIds[r]).ToArray();

    /// <summary>Checks every file against its recorded SHA-256; returns the files that differ or are missing.</summary>
    public IReadOnlyList<string> Verify() =>
        Manifest.Chunks.SelectMany(c => c.Sha256)
            .Where(pair =>
            {
                string path = Path.Combine(Directory, pair.Key);
                return !File.Exists(path) || ActivationStoreWriter.HashFile(path) != pair.Value;
            })
            .Select(pair => pair.Key)
            .ToList();
}
