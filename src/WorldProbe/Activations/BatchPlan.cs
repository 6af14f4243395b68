using System.Security.Cryptography;

namespace WorldProbe.Activations;

/// <summary>
/// How rows are grouped for extraction: a fixed function of the rows' token lengths and the batch
/// size, so that every run, resumed run and shard pads the same sequences together and produces the
/// same numbers bit for bit. Rows are sorted by (length, row index), cut into batches, and batches
/// are grouped into chunks (the unit written to disk and resumed).
/// </summary>
public sealed class BatchPlan
{
    /// <summary>Row indices of each batch, in plan order.</summary>
    public IReadOnlyList<int[]> Batches { get; }

    /// <summary>Batches of each chunk: chunk k holds batches [First, First + Count).</summary>
    public IReadOnlyList<(int First, int Count)> Chunks { get; }

    /// <summary>The rows of each batch are padded to this size at most.</summary>
    public int BatchSize { get; }

    /// <summary>Total rows.</summary>
    public int Rows { get; }

    /// <summary>A short hash of the plan: stores made with different plans never mix.</summary>
    public string Hash { get; }

    BatchPlan(IReadOnlyList<int[]> batches, IReadOnlyList<(int, int)> chunks, int batchSize, int rows, string hash)
    {
        Batches = batches;
        Chunks = chunks;
        BatchSize = batchSize;
        Rows = rows;
        Hash = hash;
    }

    /// <summary>Plans batches of <paramref name="batchSize"/> rows, <paramref name="batchesPerChunk"/> batches per chunk.</summary>
    /// <param name="lengths">Token length of every row, in dataset order.</param>
    /// <param name="batchSize">Rows per batch.</param>
    /// <param name="batchesPerChunk">Batches per chunk (the unit of resumption and sharding).</param>
    public static BatchPlan Create(IReadOnlyList<int> lengths, int batchSize, int batchesPerChunk = 16)
    {
        if (batchSize < 1) throw new WorldProbeException($"--batch {batchSize}: the batch size must be at least 1.");
        if (batchesPerChunk < 1) throw new ArgumentOutOfRangeException(nameof(batchesPerChunk));
        int[] order = Enumerable.Range(0, lengths.Count).OrderBy(i => lengths[i]).ThenBy(i => i).ToArray();
        var batches = order.Chunk(batchSize).ToList();
        var chunks = new List<(int, int)>();
        for (int first = 0; first < batches.Count; first += batchesPerChunk)
            chunks.Add((first, Math.Min(batchesPerChunk, batches.Count - first)));
        var bytes = new List<byte>();
        bytes.AddRange(BitConverter.GetBytes(batchSize));
        bytes.AddRange(BitConverter.GetBytes(batchesPerChunk));
        foreach (int i in order) bytes.AddRange(BitConverter.GetBytes(i));
        string hash = Convert.ToHexString(SHA256.HashData(bytes.ToArray()))[..16].ToLowerInvariant();
        return new BatchPlan(batches, chunks, batchSize, lengths.Count, hash);
    }

    /// <summary>Row indices of chunk <paramref name="chunk"/>, in plan order.</summary>
    public int[] RowsOf(int chunk)
    {
        var (first, count) = Chunks[chunk];
        return Batches.Skip(first).Take(count).SelectMany(b => b).ToArray();
    }

    /// <summary>The chunks shard <paramref name="shard"/> computes: a contiguous range, cut on chunk (so batch) boundaries.</summary>
    public Range ChunksOf(ShardSpec shard)
    {
        int n = Chunks.Count;
        int start = (int)((long)n * shard.Index / shard.Count);
        int end = (int)((long)n * (shard.Index + 1) / shard.Count);
        return start..end;
    }
}
