using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// A deterministic train/test split for sources that have none: an entity is in the test set when
/// u &lt; fraction, where u in [0, 1) is the first 53 bits of SHA-256("worldprobe-split:" + key).
/// The same key always lands in the same split, on every machine and .NET version, whatever the row
/// order, and rows with equal keys (duplicate headlines) never straddle train and test.
/// </summary>
public static class HashSplit
{
    /// <summary>The default test fraction, as in the original datasets.</summary>
    public const double DefaultTestFraction = 0.2;

    /// <summary>The uniform number in [0, 1) that <paramref name="key"/> hashes to.</summary>
    public static double Uniform(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes("worldprobe-split:" + key), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>True when <paramref name="key"/> belongs to the test split.</summary>
    public static bool IsTest(string key, double testFraction = DefaultTestFraction) => Uniform(key) < testFraction;
}
