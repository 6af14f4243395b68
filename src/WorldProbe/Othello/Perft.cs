using System.Numerics;

namespace WorldProbe.Othello;

/// <summary>
/// Counts the leaves of the game tree from the start position, in the published convention: a pass is a ply, and a
/// finished game counts as one leaf at every deeper depth. The last ply is counted with a popcount, not played.
/// </summary>
public static class Perft
{
    /// <summary>The published counts for depths 1..11 (index 0 = depth 1).</summary>
    public static IReadOnlyList<long> Published { get; } =
        [4, 12, 56, 244, 1396, 8200, 55092, 390216, 3005288, 24571284, 212258800];

    /// <summary>Leaves at <paramref name="depth"/> from the start position on one thread.</summary>
    public static long Count(int depth) => Count(GameState.Start, depth);

    /// <summary>Leaves at <paramref name="depth"/> plies below <paramref name="state"/>, on one thread.</summary>
    public static long Count(GameState state, int depth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        if (depth == 0) return 1;
        if (state.IsOver) return 1;
        return CountFrom(state.Mine, state.Theirs, depth);
    }

    /// <summary>
    /// Leaves at <paramref name="depth"/> from the start position, split over <paramref name="threads"/> threads
    /// (default: all cores). The result does not depend on the thread count.
    /// </summary>
    public static long CountParallel(int depth, int? threads = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(depth);
        int splitDepth = Math.Min(depth - 1, 5);
        if (splitDepth <= 0) return Count(depth);
        var frontier = new List<(ulong Player, ulong Opponent, bool Over)>();
        Expand(Bitboards.StartBlack, Bitboards.StartWhite, splitDepth, frontier);
        int remaining = depth - splitDepth;
        long total = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, frontier.Count, 16), options,
            () => 0L,
            (range, _, sum) =>
            {
                for (int i = range.Item1; i < range.Item2; i++)
                {
                    var node = frontier[i];
                    sum += node.Over ? 1 : CountFrom(node.Player, node.Opponent, remaining);
                }
                return sum;
            },
            sum => Interlocked.Add(ref total, sum));
        return total;
    }

    // The nodes exactly `depth` plies down (finished games stop early and stand for one leaf).
    static void Expand(ulong player, ulong opponent, int depth, List<(ulong, ulong, bool)> nodes)
    {
        if (depth == 0) { nodes.Add((player, opponent, false)); return; }
        ulong moves = Bitboards.LegalMoves(player, opponent);
        if (moves == 0)
        {
            if (Bitboards.LegalMoves(opponent, player) == 0) nodes.Add((player, opponent, true));
            else Expand(opponent, player, depth - 1, nodes);
            return;
        }
        for (; moves != 0; moves &= moves - 1)
        {
            int square = BitOperations.TrailingZeroCount(moves);
            ulong flips = Bitboards.Flips(player, opponent, square);
            Expand(opponent & ~flips, player | flips | (1UL << square), depth - 1, nodes);
        }
    }

    static long CountFrom(ulong player, ulong opponent, int depth)
    {
        ulong moves = Bitboards.LegalMoves(player, opponent);
        if (moves == 0)
        {
            if (depth == 1 || Bitboards.LegalMoves(opponent, player) == 0) return 1;
            return CountFrom(opponent, player, depth - 1);
        }
        if (depth == 1) return BitOperations.PopCount(moves);
        long leaves = 0;
        for (; moves != 0; moves &= moves - 1)
        {
            int square = BitOperations.TrailingZeroCount(moves);
            ulong flips = Bitboards.Flips(player, opponent, square);
            leaves += CountFrom(opponent & ~flips, player | flips | (1UL << square), depth - 1);
        }
        return leaves;
    }
}
