using System.Security.Cryptography;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>
/// Runs an <see cref="IActivationSource"/> over a batch plan and streams the activations to a store:
/// per layer, one .npy file per chunk, each written atomically, then the manifest. Peak memory is one
/// chunk. A killed run resumes at the first unfinished chunk and produces the same bytes.
/// </summary>
public static class ActivationStoreWriter
{
    /// <summary>Extracts this shard's chunks into <paramref name="directory"/>, skipping finished ones.</summary>
    /// <returns>The final manifest.</returns>
    public static ActivationStoreManifest Extract(
        string directory,
        ExtractionSettings settings,
        BatchPlan plan,
        IReadOnlyList<string> entityIds,
        IActivationSource source,
        ShardSpec shard,
        IProgressSink progress,
        CancellationToken cancel = default)
    {
        if (entityIds.Count != plan.Rows)
            throw new ArgumentException($"{entityIds.Count} entity ids for a plan of {plan.Rows} rows");
        Directory.CreateDirectory(directory);
        AtomicFile.CleanStaleTemporaries(directory);
        foreach (string folder in Directory.EnumerateDirectories(directory)) AtomicFile.CleanStaleTemporaries(folder); // layer_*/ and rows/
        var fresh = new ActivationStoreManifest
        {
            Model = settings.Model,
            Dataset = settings.Dataset,
            Prompt = settings.Prompt,
            StoreDType = settings.StoreDTypeName,
            Layers = settings.Layers.ToArray(),
            DModel = source.DModel,
            TotalRows = plan.Rows,
            BatchSize = plan.BatchSize,
            BatchesPerChunk = settings.BatchesPerChunk,
            ChunkCount = plan.Chunks.Count,
            PlanHash = plan.Hash,
            Shard = shard.Count == 1 ? null : shard.ToString(),
            EntityIds = entityIds.ToArray(),
            Settings = new SortedDictionary<string, string>((settings.Details ?? new Dictionary<string, string>()).ToDictionary(), StringComparer.Ordinal),
            Chunks = [],
        };
        var existing = ActivationStoreManifest.TryRead(directory);
        if (existing is not null && (!existing.SameExtractionAs(fresh) || existing.Shard != fresh.Shard))
            throw new WorldProbeException(
                $"{directory}: holds a store made with other settings ({existing.Describe()}, shard {existing.Shard ?? "whole"}); " +
                $"this run asks for {fresh.Describe()}, shard {fresh.Shard ?? "whole"}. Use another --out folder or delete it.");
        var done = new SortedDictionary<int, ChunkRecord>(
            (existing?.Chunks ?? []).Where(c => ChunkFilesPresent(directory, c)).ToDictionary(c => c.Index));

        Range range = plan.ChunksOf(shard);
        var (offset, length) = range.GetOffsetAndLength(plan.Chunks.Count);
        int todoRows = Enumerable.Range(offset, length).Where(k => !done.ContainsKey(k)).Sum(k => plan.RowsOf(k).Length);
        using var task = progress.Start($"{settings.Dataset}/{settings.Prompt}: extracting", Math.Max(todoRows, 1), "rows");
        var manifest = fresh with { Chunks = done.Values.ToList() };
        manifest.WriteTo(directory);
        for (int chunk = offset; chunk < offset + length; chunk++)
        {
            if (done.ContainsKey(chunk)) continue;
            cancel.ThrowIfCancellationRequested();
            done[chunk] = WriteChunk(directory, settings, plan, chunk, source, task);
            manifest = fresh with { Chunks = done.Values.ToList(), UpdatedUtc = DateTimeOffset.UtcNow };
            manifest.WriteTo(directory);
        }
        return manifest;
    }

    static ChunkRecord WriteChunk(string directory, ExtractionSettings settings, BatchPlan plan, int chunk,
                                  IActivationSource source, IProgressTask task)
    {
        int[] rows = plan.RowsOf(chunk);
        var (first, count) = plan.Chunks[chunk];
        using var scope = NewDisposeScope();
        var buffer = empty(settings.Layers.Count, rows.Length, source.DModel, dtype: settings.StoreDType); // [layers, chunk rows, d_model]
        int at = 0;
        for (int b = first; b < first + count; b++)
        {
            using var batchScope = NewDisposeScope();
            int[] batch = plan.Batches[b];
            var activations = source.Run(batch); // [layers, batch, d_model]
            if (activations.shape[0] != settings.Layers.Count || activations.shape[1] != batch.Length || activations.shape[2] != source.DModel)
                throw new InvalidOperationException(
                    $"activation source returned [{string.Join(", ", activations.shape)}] for a batch of {batch.Length}");
            buffer[.., at..(at + batch.Length)].copy_(activations.to(settings.StoreDType).cpu());
            at += batch.Length;
            task.Advance(batch.Length);
        }
        var sums = new SortedDictionary<string, string>();
        for (int l = 0; l < settings.Layers.Count; l++)
            WriteHashed(directory, StoreLayout.LayerChunk(settings.Layers[l], chunk), buffer[l], sums);
        WriteHashed(directory, StoreLayout.RowsChunk(chunk), tensor(rows.Select(r => (long)r).ToArray()), sums);
        return new ChunkRecord(chunk, rows, sums);
    }

    static void WriteHashed(string directory, string relative, Tensor data, IDictionary<string, string> sums)
    {
        string path = Path.Combine(directory, relative);
        NpyFile.Write(path, data);
        sums[relative] = HashFile(path);
    }

    /// <summary>SHA-256 of a file, lowercase hex.</summary>
    public static string HashFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream)).ToLowerInvariant();
    }

    static bool ChunkFilesPresent(string directory, ChunkRecord chunk) =>
        chunk.Sha256.Keys.All(relative => File.Exists(Path.Combine(directory, relative)));
}
