namespace WorldProbe.Othello;

/// <summary>
/// Squares are ints 0..63 in <see cref="SquareConvention.Standard"/> order (a1 = 0, h1 = 7, a8 = 56, h8 = 63); bit
/// <c>s</c> of a bitboard is square <c>s</c>. This class converts to and from names, the original code's transposed
/// index and its token ids.
/// </summary>
public static class Square
{
    /// <summary>Number of squares.</summary>
    public const int Count = 64;

    /// <summary>Number of playable squares (all but the four centre squares): the most moves a game can have.</summary>
    public const int PlayableCount = 60;

    static readonly sbyte[] tokenOfOriginalIndex = BuildTokens();
    static readonly sbyte[] originalIndexOfToken = BuildTokenInverse();

    /// <summary>Row 0..7 (0 = row "1", the top row).</summary>
    public static int Row(int square) => square >> 3;

    /// <summary>Column 0..7 (0 = column "a").</summary>
    public static int Column(int square) => square & 7;

    /// <summary>The square at <paramref name="row"/>, <paramref name="column"/> (both 0..7).</summary>
    public static int At(int row, int column) => row * 8 + column;

    /// <summary>The transposed square (row and column swapped): maps between the two conventions.</summary>
    public static int Transpose(int square) => Column(square) * 8 + Row(square);

    /// <summary>True for d4, e4, d5, e5, the squares occupied at the start.</summary>
    public static bool IsCentre(int square) => square is 27 or 28 or 35 or 36;

    /// <summary>Parses a square name such as "d3" (case-insensitive); false when it is not one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out int square, SquareConvention convention = SquareConvention.Standard)
    {
        square = -1;
        if (text.Length != 2) return false;
        int letter = char.ToLowerInvariant(text[0]) - 'a';
        int digit = text[1] - '1';
        if ((uint)letter > 7 || (uint)digit > 7) return false;
        square = convention == SquareConvention.Standard ? At(digit, letter) : At(letter, digit);
        return true;
    }

    /// <summary>Parses a square name; an unknown name is a <see cref="WorldProbeException"/> naming <paramref name="where"/>.</summary>
    public static int Parse(string text, SquareConvention convention = SquareConvention.Standard, string where = "input")
    {
        if (TryParse(text, out int square, convention)) return square;
        throw new WorldProbeException($"{where}: \"{text}\" is not a square; write a letter a-h then a digit 1-8, such as d3.");
    }

    /// <summary>The square's name, such as "d3", in <paramref name="convention"/>.</summary>
    public static string Name(int square, SquareConvention convention = SquareConvention.Standard)
    {
        CheckSquare(square);
        int letter = convention == SquareConvention.Standard ? Column(square) : Row(square);
        int digit = convention == SquareConvention.Standard ? Row(square) : Column(square);
        return $"{(char)('a' + letter)}{(char)('1' + digit)}";
    }

    /// <summary>The index of <paramref name="square"/> in <paramref name="convention"/> (Original = transposed).</summary>
    public static int ToIndex(int square, SquareConvention convention)
    {
        CheckSquare(square);
        return convention == SquareConvention.Standard ? square : Transpose(square);
    }

    /// <summary>The square whose index in <paramref name="convention"/> is <paramref name="index"/>.</summary>
    public static int FromIndex(int index, SquareConvention convention)
    {
        CheckSquare(index);
        return convention == SquareConvention.Standard ? index : Transpose(index);
    }

    /// <summary>
    /// The original code's token id 1..60 for <paramref name="square"/>: the playable squares numbered in ascending
    /// order of the original (transposed) index; 0 is padding and the centre squares have none (returns 0).
    /// </summary>
    public static int ToOriginalToken(int square) => tokenOfOriginalIndex[ToIndex(square, SquareConvention.Original)];

    /// <summary>The square of the original code's token id 1..60.</summary>
    public static int FromOriginalToken(int token)
    {
        if ((uint)(token - 1) >= PlayableCount)
            throw new ArgumentOutOfRangeException(nameof(token), token, "token ids of squares are 1..60 (0 is padding)");
        return FromIndex(originalIndexOfToken[token], SquareConvention.Original);
    }

    static void CheckSquare(int square)
    {
        if ((uint)square >= Count) throw new ArgumentOutOfRangeException(nameof(square), square, "squares are 0..63");
    }

    static sbyte[] BuildTokens()
    {
        var tokens = new sbyte[Count];
        int next = 1;
        for (int index = 0; index < Count; index++)
            tokens[index] = IsCentre(index) ? (sbyte)0 : (sbyte)next++;
        return tokens;
    }

    static sbyte[] BuildTokenInverse()
    {
        var inverse = new sbyte[PlayableCount + 1];
        inverse[0] = -1;
        for (int index = 0; index < Count; index++)
            if (tokenOfOriginalIndex[index] > 0) inverse[tokenOfOriginalIndex[index]] = (sbyte)index;
        return inverse;
    }
}
