using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace WorldProbe.Othello;

/// <summary>
/// The rules on 64-bit boards (bit s = square s, <see cref="Square"/> order) from the point of view of the player to
/// move: <c>player</c> holds that player's discs, <c>opponent</c> the other's. Moves are found by shift-and-mask
/// fills in the 8 directions (Kogge-Stone style), four directions at a time with AVX2 where the CPU has it.
/// </summary>
public static class Bitboards
{
    /// <summary>The starting discs: black on d5 and e4, white on d4 and e5.</summary>
    public const ulong StartBlack = (1UL << 35) | (1UL << 28);

    /// <summary>The starting white discs.</summary>
    public const ulong StartWhite = (1UL << 27) | (1UL << 36);

    // Opponent discs that a fill may cross when it moves sideways: not columns a and h, so a shift never wraps a row.
    const ulong NotEdgeColumns = 0x7E7E7E7E7E7E7E7EUL;

    static readonly Vector256<ulong> shiftCounts = Vector256.Create(1UL, 8UL, 7UL, 9UL);
    static readonly Vector256<ulong> directionMasks = Vector256.Create(NotEdgeColumns, ulong.MaxValue, NotEdgeColumns, NotEdgeColumns);

    /// <summary>The squares where the player to move may play.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong LegalMoves(ulong player, ulong opponent) =>
        Avx2.IsSupported ? LegalMovesAvx2(player, opponent) : LegalMovesPortable(player, opponent);

    /// <summary>The discs flipped when the player to move plays <paramref name="square"/> (0 if the move is illegal).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Flips(ulong player, ulong opponent, int square) =>
        Avx2.IsSupported ? FlipsAvx2(player, opponent, square) : FlipsPortable(player, opponent, square);

    /// <summary><see cref="LegalMoves"/> without vector instructions (the fallback, kept public so tests cover it).</summary>
    public static ulong LegalMovesPortable(ulong player, ulong opponent)
    {
        ulong empty = ~(player | opponent);
        ulong inner = opponent & NotEdgeColumns;
        ulong moves = MovesAlong(player, inner, 1) | MovesAlong(player, opponent, 8)
                    | MovesAlong(player, inner, 7) | MovesAlong(player, inner, 9);
        return moves & empty;
    }

    /// <summary><see cref="Flips"/> without vector instructions (the fallback, kept public so tests cover it).</summary>
    public static ulong FlipsPortable(ulong player, ulong opponent, int square)
    {
        ulong move = 1UL << square;
        if (((player | opponent) & move) != 0) return 0;
        ulong inner = opponent & NotEdgeColumns;
        return FlipsAlong(move, player, inner, 1) | FlipsAlong(move, player, opponent, 8)
             | FlipsAlong(move, player, inner, 7) | FlipsAlong(move, player, inner, 9);
    }

    /// <summary>Number of discs in <paramref name="board"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(ulong board) => BitOperations.PopCount(board);

    /// <summary>The square of the <paramref name="k"/>-th (0-based) set bit of <paramref name="board"/>, lowest first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int NthSquare(ulong board, int k)
    {
        if (Bmi2.X64.IsSupported) return BitOperations.TrailingZeroCount(Bmi2.X64.ParallelBitDeposit(1UL << k, board));
        for (int i = 0; i < k; i++) board &= board - 1;
        return BitOperations.TrailingZeroCount(board);
    }

    // Both senses of one direction pair: fills from the player's discs across contiguous opponent discs.
    static ulong MovesAlong(ulong player, ulong crossable, int shift)
    {
        int shift2 = shift + shift;
        ulong pairs = crossable & (crossable << shift);
        ulong left = crossable & (player << shift);
        left |= crossable & (left << shift);
        left |= pairs & (left << shift2);
        left |= pairs & (left << shift2);
        ulong pairsRight = crossable & (crossable >> shift);
        ulong right = crossable & (player >> shift);
        right |= crossable & (right >> shift);
        right |= pairsRight & (right >> shift2);
        right |= pairsRight & (right >> shift2);
        return (left << shift) | (right >> shift);
    }

    static ulong FlipsAlong(ulong move, ulong player, ulong crossable, int shift)
    {
        ulong flips = 0;
        ulong left = crossable & (move << shift);
        left |= crossable & (left << shift);
        left |= crossable & (left << shift);
        left |= crossable & (left << shift);
        left |= crossable & (left << shift);
        left |= crossable & (left << shift);
        if (((left << shift) & player) != 0) flips |= left;
        ulong right = crossable & (move >> shift);
        right |= crossable & (right >> shift);
        right |= crossable & (right >> shift);
        right |= crossable & (right >> shift);
        right |= crossable & (right >> shift);
        right |= crossable & (right >> shift);
        if (((right >> shift) & player) != 0) flips |= right;
        return flips;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong LegalMovesAvx2(ulong player, ulong opponent)
    {
        var shifts = shiftCounts;
        var shifts2 = Avx2.Add(shifts, shifts);
        var p = Vector256.Create(player);
        var crossable = Vector256.Create(opponent) & directionMasks;
        var pairs = crossable & Avx2.ShiftLeftLogicalVariable(crossable, shifts);
        var left = crossable & Avx2.ShiftLeftLogicalVariable(p, shifts);
        left |= crossable & Avx2.ShiftLeftLogicalVariable(left, shifts);
        left |= pairs & Avx2.ShiftLeftLogicalVariable(left, shifts2);
        left |= pairs & Avx2.ShiftLeftLogicalVariable(left, shifts2);
        var pairsRight = crossable & Avx2.ShiftRightLogicalVariable(crossable, shifts);
        var right = crossable & Avx2.ShiftRightLogicalVariable(p, shifts);
        right |= crossable & Avx2.ShiftRightLogicalVariable(right, shifts);
        right |= pairsRight & Avx2.ShiftRightLogicalVariable(right, shifts2);
        right |= pairsRight & Avx2.ShiftRightLogicalVariable(right, shifts2);
        var moves = Avx2.ShiftLeftLogicalVariable(left, shifts) | Avx2.ShiftRightLogicalVariable(right, shifts);
        return OrLanes(moves) & ~(player | opponent);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong FlipsAvx2(ulong player, ulong opponent, int square)
    {
        ulong moveBit = 1UL << square;
        if (((player | opponent) & moveBit) != 0) return 0;
        var shifts = shiftCounts;
        var p = Vector256.Create(player);
        var move = Vector256.Create(moveBit);
        var crossable = Vector256.Create(opponent) & directionMasks;
        var left = crossable & Avx2.ShiftLeftLogicalVariable(move, shifts);
        left |= crossable & Avx2.ShiftLeftLogicalVariable(left, shifts);
        left |= crossable & Avx2.ShiftLeftLogicalVariable(left, shifts);
        left |= crossable & Avx2.ShiftLeftLogicalVariable(left, shifts);
        left |= crossable & Avx2.ShiftLeftLogicalVariable(left, shifts);
        left |= crossable & Avx2.ShiftLeftLogicalVariable(left, shifts);
        var leftEnds = Avx2.ShiftLeftLogicalVariable(left, shifts) & p;
        left = Vector256.AndNot(left, Vector256.Equals(leftEnds, Vector256<ulong>.Zero));
        var right = crossable & Avx2.ShiftRightLogicalVariable(move, shifts);
        right |= crossable & Avx2.ShiftRightLogicalVariable(right, shifts);
        right |= crossable & Avx2.ShiftRightLogicalVariable(right, shifts);
        right |= crossable & Avx2.ShiftRightLogicalVariable(right, shifts);
        right |= crossable & Avx2.ShiftRightLogicalVariable(right, shifts);
        right |= crossable & Avx2.ShiftRightLogicalVariable(right, shifts);
        var rightEnds = Avx2.ShiftRightLogicalVariable(right, shifts) & p;
        right = Vector256.AndNot(right, Vector256.Equals(rightEnds, Vector256<ulong>.Zero));
        return OrLanes(left | right);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong OrLanes(Vector256<ulong> v)
    {
        var half = v.GetLower() | v.GetUpper();
        return half.GetElement(0) | half.GetElement(1);
    }
}
