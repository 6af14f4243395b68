namespace WorldProbe.Othello;

/// <summary>
/// One game as stored in a corpus: <see cref="Length"/> = 60 bytes, the moves in order as <see cref="Square"/>
/// indices (standard convention, passes not written: they are inferred by replay), then <see cref="Padding"/>.
/// </summary>
public static class GameRecord
{
    /// <summary>Bytes per game: the most moves a game can have.</summary>
    public const int Length = Square.PlayableCount;

    /// <summary>The byte after the last move.</summary>
    public const byte Padding = 0xFF;

    /// <summary>Number of moves in <paramref name="record"/>.</summary>
    public static int MoveCount(ReadOnlySpan<byte> record)
    {
        int end = record[..Math.Min(record.Length, Length)].IndexOf(Padding);
        return end < 0 ? Math.Min(record.Length, Length) : end;
    }

    /// <summary>A record holding <paramref name="moves"/> (at most 60), padded.</summary>
    public static byte[] From(ReadOnlySpan<byte> moves)
    {
        if (moves.Length > Length) throw new ArgumentException($"a game has at most {Length} moves, got {moves.Length}", nameof(moves));
        var record = new byte[Length];
        moves.CopyTo(record);
        record.AsSpan(moves.Length).Fill(Padding);
        return record;
    }

    /// <summary>The moves in standard notation, concatenated ("f5d6c3...").</summary>
    public static string Transcript(ReadOnlySpan<byte> record, SquareConvention convention = SquareConvention.Standard)
    {
        int count = MoveCount(record);
        var text = new System.Text.StringBuilder(count * 2);
        for (int i = 0; i < count; i++) text.Append(Square.Name(record[i], convention));
        return text.ToString();
    }

    /// <summary>Parses a transcript such as "f5d6c3" (no separators, no passes); bad squares name <paramref name="where"/>.</summary>
    public static byte[] ParseTranscript(string transcript, string where, SquareConvention convention = SquareConvention.Standard)
    {
        string text = transcript.Trim();
        if (text.Length % 2 != 0)
            throw new WorldProbeException($"{where}: the transcript has an odd number of characters ({text.Length}); moves are two characters each, like f5d6.");
        if (text.Length / 2 > Length)
            throw new WorldProbeException($"{where}: the transcript has {text.Length / 2} moves; a game has at most {Length}.");
        var moves = new byte[text.Length / 2];
        for (int i = 0; i < moves.Length; i++)
        {
            if (!Square.TryParse(text.AsSpan(2 * i, 2), out int square, convention))
                throw new WorldProbeException($"{where}, move {i + 1}: \"{text.Substring(2 * i, 2)}\" is not a square (a letter a-h then a digit 1-8).");
            moves[i] = (byte)square;
        }
        return moves;
    }
}
