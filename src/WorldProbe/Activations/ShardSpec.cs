using System.Globalization;

namespace WorldProbe.Activations;

/// <summary>
/// One shard of an extraction, "i/N" (0-based i): shard i of N computes a contiguous range of the
/// batch plan's chunks, so N processes (a Kubernetes Indexed Job, a Slurm array) split one dataset
/// and <c>worldprobe space merge</c> joins their stores.
/// </summary>
/// <param name="Index">This shard, 0 .. Count-1.</param>
/// <param name="Count">Number of shards.</param>
public readonly record struct ShardSpec(int Index, int Count)
{
    /// <summary>The whole dataset as one shard.</summary>
    public static ShardSpec Whole => new(0, 1);

    /// <summary>Parses "i/N" as given to --shard.</summary>
    public static ShardSpec Parse(string text)
    {
        string[] parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count >= 1 && index < count)
            return new ShardSpec(index, count);
        throw new WorldProbeException($"--shard {text}: expected i/N with 0 <= i < N, for example 0/4 (the first of four shards).");
    }

    /// <inheritdoc />
    public override string ToString() => $"{Index}/{Count}";
}
