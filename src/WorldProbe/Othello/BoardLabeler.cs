using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace WorldProbe.Othello;

/// <summary>
/// Turns games into per-position board labels for probes (see <see cref="BoardLabels"/> for the layout and the
/// meaning of "mine"): replays each game once and writes all its positions, games in parallel.
/// </summary>
public static class BoardLabeler
{
    // Byte i of ExpandedRows[b] is bit i of b: one row of a bitboard as 8 label bytes.
    static readonly ulong[] expandedRows = BuildExpansion();

    /// <summary>Labels the games in <paramref name="records"/> ([games, 60], see <see cref="GameRecord"/>) into <paramref name="labels"/>.</summary>
    public static void LabelGames(byte[] records, BoardLabels labels, int? threads = null)
    {
        int games = records.Length / GameRecord.Length;
        if (records.Length % GameRecord.Length != 0)
            throw new ArgumentException($"records come in {GameRecord.Length}-byte games; got {records.Length} bytes", nameof(records));
        if (games > labels.Games)
            throw new ArgumentException($"{games} games do not fit labels allocated for {labels.Games}", nameof(labels));
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads ?? Environment.ProcessorCount };
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, games, 1024), options, range =>
        {
            for (int game = range.Item1; game < range.Item2; game++)
                LabelGame(records.AsSpan(game * GameRecord.Length, GameRecord.Length), labels, game);
        });
    }

    /// <summary>Labels games <paramref name="first"/>..first+count-1 of <paramref name="corpus"/>.</summary>
    public static void LabelGames(GameCorpus corpus, long first, int count, BoardLabels labels, int? threads = null) =>
        LabelGames(corpus.Records(first, count).ToArray(), labels, threads);

    /// <summary>
    /// Labels one game into slot <paramref name="slot"/> of <paramref name="labels"/>. A move that is illegal leaves the
    /// slot empty (all padding) and is reported as an <see cref="InvalidDataException"/>.
    /// </summary>
    public static void LabelGame(ReadOnlySpan<byte> record, BoardLabels labels, int slot)
    {
        int moves = GameRecord.MoveCount(record);
        long firstPosition = (long)slot * BoardLabels.PositionsPerGame;
        // Every position up to the game's end is overwritten below; only the padding after it needs clearing.
        ClearPositions(labels, firstPosition + moves, BoardLabels.PositionsPerGame - moves);
        var state = GameState.Start;
        for (int t = 1; t <= moves; t++)
        {
            ulong flips = state.TryPlay(record[t - 1]);
            if (flips == 0)
            {
                ClearPositions(labels, firstPosition, BoardLabels.PositionsPerGame);
                throw new InvalidDataException($"game in slot {slot}: move {t} ({Square.Name(record[t - 1])}) is illegal; only legal games can be labelled.");
            }
            long position = firstPosition + t - 1;
            labels.Valid[position] = 1;
            labels.NextPlayer[position] = (byte)state.ToMove;
            int offset = checked((int)(position * Square.Count));
            // Once the game is over "mine" is the side that did not make the last move: the alternation would give it the turn.
            Disc next = state.IsOver ? (state[record[t - 1]]).Opponent() : state.ToMove;
            ulong mine = next == Disc.Black ? state.Black : state.White;
            ulong theirs = next == Disc.Black ? state.White : state.Black;
            if (labels.Absolute is { } absolute) WriteTwoBoards(absolute.AsSpan(offset, Square.Count), state.Black, state.White);
            if (labels.Relative is { } relative) WriteTwoBoards(relative.AsSpan(offset, Square.Count), mine, theirs);
            if (labels.Flipped is { } flipped) WriteTwoBoards(flipped.AsSpan(offset, Square.Count), flips, 0);
            if (labels.Legal is { } legal) WriteTwoBoards(legal.AsSpan(offset, Square.Count), state.LegalMoves, 0);
        }
    }

    static void ClearPositions(BoardLabels labels, long firstPosition, int count)
    {
        labels.Valid.AsSpan((int)firstPosition, count).Clear();
        labels.NextPlayer.AsSpan((int)firstPosition, count).Clear();
        int offset = checked((int)(firstPosition * Square.Count));
        int length = count * Square.Count;
        labels.Absolute?.AsSpan(offset, length).Clear();
        labels.Relative?.AsSpan(offset, length).Clear();
        labels.Flipped?.AsSpan(offset, length).Clear();
        labels.Legal?.AsSpan(offset, length).Clear();
    }

    // 64 bytes: 1 where `ones` has a bit, 2 where `twos` has one (the boards never overlap).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void WriteTwoBoards(Span<byte> destination, ulong ones, ulong twos)
    {
        var table = expandedRows;
        for (int row = 0; row < 8; row++)
        {
            ulong bytes = table[(int)((ones >> (row * 8)) & 0xFF)] | (table[(int)((twos >> (row * 8)) & 0xFF)] << 1);
            BinaryPrimitives.WriteUInt64LittleEndian(destination[(row * 8)..], bytes);
        }
    }

    static ulong[] BuildExpansion()
    {
        var table = new ulong[256];
        for (int b = 0; b < 256; b++)
            for (int i = 0; i < 8; i++)
                if ((b & (1 << i)) != 0) table[b] |= 1UL << (8 * i);
        return table;
    }
}
