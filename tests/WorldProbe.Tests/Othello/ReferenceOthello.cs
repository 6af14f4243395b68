using WorldProbe.Othello;

namespace WorldProbe.Tests.Othello;

/// <summary>
/// A slow, obviously-correct Othello on an 8x8 array (rules read straight from the rulebook: walk each of the 8
/// directions over opponent discs and require one's own disc at the end), to check the bitboard engine against.
/// </summary>
public sealed class ReferenceOthello
{
    static readonly (int Row, int Column)[] directions =
        [(-1, -1), (-1, 0), (-1, 1), (0, -1), (0, 1), (1, -1), (1, 0), (1, 1)];

    public readonly Disc[,] Cells = new Disc[8, 8];
    public Disc ToMove = Disc.Black;

    public ReferenceOthello()
    {
        Cells[3, 3] = Disc.White; Cells[4, 4] = Disc.White;
        Cells[3, 4] = Disc.Black; Cells[4, 3] = Disc.Black;
    }

    public List<(int Row, int Column)> FlipsFor(Disc player, int row, int column)
    {
        var flips = new List<(int, int)>();
        if (Cells[row, column] != Disc.Empty) return flips;
        Disc opponent = player == Disc.Black ? Disc.White : Disc.Black;
        foreach (var (dr, dc) in directions)
        {
            var line = new List<(int, int)>();
            int r = row + dr, c = column + dc;
            while (r is >= 0 and < 8 && c is >= 0 and < 8 && Cells[r, c] == opponent)
            {
                line.Add((r, c));
                r += dr; c += dc;
            }
            if (line.Count > 0 && r is >= 0 and < 8 && c is >= 0 and < 8 && Cells[r, c] == player) flips.AddRange(line);
        }
        return flips;
    }

    public List<int> LegalMoves(Disc player)
    {
        var moves = new List<int>();
        for (int r = 0; r < 8; r++)
            for (int c = 0; c < 8; c++)
                if (FlipsFor(player, r, c).Count > 0) moves.Add(r * 8 + c);
        return moves;
    }

    /// <summary>Plays for ToMove, then passes or ends like the rules say. Returns the flipped squares.</summary>
    public List<int> Play(int square)
    {
        var flips = FlipsFor(ToMove, square / 8, square % 8);
        if (flips.Count == 0) throw new InvalidOperationException("illegal");
        foreach (var (r, c) in flips) Cells[r, c] = ToMove;
        Cells[square / 8, square % 8] = ToMove;
        Disc other = ToMove == Disc.Black ? Disc.White : Disc.Black;
        if (LegalMoves(other).Count > 0) ToMove = other;
        else if (LegalMoves(ToMove).Count == 0) ToMove = Disc.Empty;
        return flips.Select(f => f.Row * 8 + f.Column).Order().ToList();
    }

    public ulong Board(Disc colour)
    {
        ulong board = 0;
        for (int s = 0; s < 64; s++)
            if (Cells[s / 8, s % 8] == colour) board |= 1UL << s;
        return board;
    }

    public static List<int> Squares(ulong board) => Enumerable.Range(0, 64).Where(s => ((board >> s) & 1) != 0).ToList();
}
