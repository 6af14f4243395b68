using System.Buffers.Binary;

namespace WorldProbe.Othello;

/// <summary>
/// Remembers games up to the 4 start-preserving symmetries, by a 128-bit hash of the canonical form (a false match
/// needs a hash collision: about 1 in 10^25 for 20 million games).
/// </summary>
public sealed class SymmetricGameSet
{
    readonly HashSet<UInt128> seen = [];

    /// <summary>Number of distinct games added.</summary>
    public int Count => seen.Count;

    /// <summary>Adds the game; false when it (or one of its symmetric images) was added before.</summary>
    public bool Add(ReadOnlySpan<byte> record) => seen.Add(Hash(BoardSymmetries.Canonical(PadTo60(record))));

    /// <summary>True when the game or one of its images was added.</summary>
    public bool Contains(ReadOnlySpan<byte> record) => seen.Contains(Hash(BoardSymmetries.Canonical(PadTo60(record))));

    static ReadOnlySpan<byte> PadTo60(ReadOnlySpan<byte> record) =>
        record.Length == GameRecord.Length ? record : GameRecord.From(record);

    static UInt128 Hash(ReadOnlySpan<byte> record)
    {
        ulong a = 0x243F6A8885A308D3UL, b = 0x13198A2E03707344UL;
        Span<byte> padded = stackalloc byte[64];
        padded.Fill(GameRecord.Padding);
        record.CopyTo(padded);
        for (int i = 0; i < 64; i += 8)
        {
            ulong word = BinaryPrimitives.ReadUInt64LittleEndian(padded[i..]);
            a = Mix(a ^ word);
            b = Mix(b + word * 0x9E3779B97F4A7C15UL);
        }
        return new UInt128(a, b);
    }

    static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
