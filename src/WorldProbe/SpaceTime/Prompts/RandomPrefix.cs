using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WorldProbe.SpaceTime.Prompts;

/// <summary>
/// The "random" prompt's prefix: token ids drawn per entity from a seeded generator, so that every run
/// and machine prepends the same ids to the same entity. The seed is the first 8 bytes of
/// SHA-256("worldprobe-random-prefix:{dataset}:{entity id}:{base seed}"); the ids come from SplitMix64,
/// reduced to [low, high) by multiply-shift. The original drew ids in [100, largest id in the batch);
/// WorldProbe uses [100, vocabulary size).
/// </summary>
public static class RandomPrefix
{
    /// <summary>The number of random tokens in the paper's "random" prompt.</summary>
    public const int PaperTokenCount = 10;

    /// <summary>The lowest id drawn, as in the original (skips most special and byte tokens).</summary>
    public const int LowestId = 100;

    /// <summary>The seed for one entity's prefix.</summary>
    public static ulong Seed(string dataset, int entityId, long baseSeed)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"worldprobe-random-prefix:{dataset}:{entityId}:{baseSeed}"), hash);
        return BinaryPrimitives.ReadUInt64BigEndian(hash);
    }

    /// <summary><paramref name="count"/> token ids in [<paramref name="lowInclusive"/>, <paramref name="highExclusive"/>) from <paramref name="seed"/>.</summary>
    public static int[] Draw(ulong seed, int count, int lowInclusive, int highExclusive)
    {
        if (highExclusive <= lowInclusive)
            throw new WorldProbeException($"random prefix: the id range [{lowInclusive}, {highExclusive}) is empty; the vocabulary must be larger than {lowInclusive}.");
        var ids = new int[count];
        ulong state = seed;
        ulong range = (ulong)(highExclusive - lowInclusive);
        for (int i = 0; i < count; i++)
        {
            ulong next = SplitMix64(ref state);
            ids[i] = lowInclusive + (int)(((UInt128)next * range) >> 64);
        }
        return ids;
    }

    static ulong SplitMix64(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
