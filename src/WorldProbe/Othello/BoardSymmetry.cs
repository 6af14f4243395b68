namespace WorldProbe.Othello;

/// <summary>The 4 symmetries of the board that keep the start position (the other 4 swap the colours of the centre).</summary>
public enum BoardSymmetry
{
    /// <summary>No change.</summary>
    Identity,
    /// <summary>Reflection in the a1-h8 diagonal: (row, column) to (column, row).</summary>
    MainDiagonal,
    /// <summary>Reflection in the h1-a8 diagonal: (row, column) to (7 - column, 7 - row).</summary>
    AntiDiagonal,
    /// <summary>Half turn: (row, column) to (7 - row, 7 - column).</summary>
    HalfTurn,
}

/// <summary>Applies <see cref="BoardSymmetry"/> to squares and games.</summary>
public static class BoardSymmetries
{
    /// <summary>All four, identity first.</summary>
    public static IReadOnlyList<BoardSymmetry> All { get; } =
        [BoardSymmetry.Identity, BoardSymmetry.MainDiagonal, BoardSymmetry.AntiDiagonal, BoardSymmetry.HalfTurn];

    /// <summary>The image of <paramref name="square"/>.</summary>
    public static int Apply(BoardSymmetry symmetry, int square)
    {
        int row = Square.Row(square), column = Square.Column(square);
        return symmetry switch
        {
            BoardSymmetry.Identity => square,
            BoardSymmetry.MainDiagonal => Square.At(column, row),
            BoardSymmetry.AntiDiagonal => Square.At(7 - column, 7 - row),
            BoardSymmetry.HalfTurn => Square.At(7 - row, 7 - column),
            _ => throw new ArgumentOutOfRangeException(nameof(symmetry)),
        };
    }

    /// <summary>The game <paramref name="record"/> with every move mapped (padding kept).</summary>
    public static byte[] Apply(BoardSymmetry symmetry, ReadOnlySpan<byte> record)
    {
        var image = record.ToArray();
        for (int i = 0; i < image.Length; i++)
            if (image[i] != GameRecord.Padding) image[i] = (byte)Apply(symmetry, image[i]);
        return image;
    }

    /// <summary>
    /// The representative of the game's class: the lexicographically smallest of its 4 images. Two games are
    /// equal under symmetry exactly when their canonical forms are equal.
    /// </summary>
    public static byte[] Canonical(ReadOnlySpan<byte> record)
    {
        byte[] best = record.ToArray();
        for (int s = 1; s < All.Count; s++)
        {
            byte[] image = Apply(All[s], record);
            if (image.AsSpan().SequenceCompareTo(best) < 0) best = image;
        }
        return best;
    }
}
