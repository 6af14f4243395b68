using System.Numerics;
using System.Runtime.CompilerServices;

namespace WorldProbe.Othello;

/// <summary>
/// xoshiro256** (Blackman and Vigna), seeded through splitmix64: a small, fast generator whose streams for
/// (seed, game index) pairs are independent of how games are spread over threads.
/// </summary>
public struct GameRandom
{
    ulong s0, s1, s2, s3;

    /// <summary>The generator for game <paramref name="gameIndex"/> of a corpus made with <paramref name="seed"/>.</summary>
    public static GameRandom ForGame(long seed, long gameIndex)
    {
        ulong seedState = (ulong)seed;
        ulong x = SplitMix(ref seedState) ^ ((ulong)gameIndex * 0xD1B54A32D192ED03UL);
        var random = new GameRandom();
        random.s0 = SplitMix(ref x);
        random.s1 = SplitMix(ref x);
        random.s2 = SplitMix(ref x);
        random.s3 = SplitMix(ref x);
        return random;
    }

    /// <summary>The next 64 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong Next()
    {
        ulong result = BitOperations.RotateLeft(s1 * 5, 7) * 9;
        ulong t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = BitOperations.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>) (bias below bound / 2^64, far below any measurable effect).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextBelow(int bound) => (int)Math.BigMul(Next(), (ulong)bound, out _);

    static ulong SplitMix(ref ulong state)
    {
        ulong z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
