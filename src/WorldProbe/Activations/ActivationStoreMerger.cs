using WorldProbe.Runs;

namespace WorldProbe.Activations;

/// <summary>
/// Joins the stores of several shards (made by <c>--shard i/N</c> on one or many machines) into one
/// whole store. The shards must come from the same extraction (settings and batch plan) and together
/// hold every chunk exactly once; files are checked against their checksums while copied.
/// </summary>
public static class ActivationStoreMerger
{
    /// <summary>Merges <paramref name="shardDirectories"/> into <paramref name="output"/>; returns the whole store's manifest.</summary>
    public static ActivationStoreManifest Merge(IReadOnlyList<string> shardDirectories, string output)
    {
        if (shardDirectories.Count == 0) throw new WorldProbeException("merge: give at least one shard folder.");
        var shards = shardDirectories.Select(d => (Directory: d, Manifest: ActivationStore.Open(d, allowPartial: true).Manifest)).ToList();
        var reference = shards[0].Manifest;
        foreach (var (directory, manifest) in shards.Skip(1))
            if (!manifest.SameExtractionAs(reference))
                throw new WorldProbeException(
                    $"{directory}: made by another extraction ({manifest.Describe()}) than {shards[0].Directory} ({reference.Describe()}); only shards of one extraction merge.");
        var chunks = new SortedDictionary<int, (string Directory, ChunkRecord Chunk)>();
        foreach (var (directory, manifest) in shards)
            foreach (var chunk in manifest.Chunks)
                if (!chunks.TryAdd(chunk.Index, (directory, chunk)))
                    throw new WorldProbeException($"chunk {chunk.Index} is in both {chunks[chunk.Index].Directory} and {directory}; give each shard once.");
        var missing = Enumerable.Range(0, reference.ChunkCount).Where(k => !chunks.ContainsKey(k)).ToList();
        if (missing.Count > 0)
            throw new WorldProbeException(
                $"the shards hold {chunks.Count} of {reference.ChunkCount} chunks; missing {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", ..." : "")}. " +
                "Finish or add the shards that compute them.");
        Directory.CreateDirectory(output);
        foreach (var (directory, chunk) in chunks.Values)
            foreach (var (relative, sha) in chunk.Sha256)
            {
                string source = Path.Combine(directory, relative);
                if (!File.Exists(source) || ActivationStoreWriter.HashFile(source) != sha)
                    throw new WorldProbeException($"{source}: missing or its checksum differs from the shard's manifest; the shard is corrupt: extract that shard again.");
                AtomicFile.Write(Path.Combine(output, relative), stream =>
                {
                    using var input = File.OpenRead(source);
                    input.CopyTo(stream);
                });
            }
        var merged = reference with { Shard = null, Chunks = chunks.Values.Select(c => c.Chunk).ToList(), UpdatedUtc = DateTimeOffset.UtcNow };
        merged.WriteTo(output);
        return merged;
    }
}
