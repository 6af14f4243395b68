using System.Text;

namespace WorldProbe.Othello;

/// <summary>
/// A position during a game, kept so that <see cref="ToMove"/> is always the player who makes the next move: when
/// the side whose turn it is has no legal move it passes at once (the pass is counted in <see cref="Passes"/> and
/// <see cref="Plies"/>), and when neither side can move the game is over (<see cref="IsOver"/>, ToMove = Empty).
/// Moves are written without passes, as in the corpora; passes are inferred here.
/// </summary>
public struct GameState
{
    /// <summary>Black's discs (bit s = square s).</summary>
    public ulong Black;
    /// <summary>White's discs.</summary>
    public ulong White;
    /// <summary>The player who makes the next move; <see cref="Disc.Empty"/> once the game is over.</summary>
    public Disc ToMove;
    /// <summary>Moves played so far (passes not included).</summary>
    public int MovesPlayed;
    /// <summary>Passes so far.</summary>
    public int Passes;

    /// <summary>The start position, black to move.</summary>
    public static GameState Start => new() { Black = Bitboards.StartBlack, White = Bitboards.StartWhite, ToMove = Disc.Black };

    /// <summary>True when neither side can move.</summary>
    public readonly bool IsOver => ToMove == Disc.Empty;

    /// <summary>Moves plus passes: the ply count in the perft convention.</summary>
    public readonly int Plies => MovesPlayed + Passes;

    /// <summary>Discs of the player to move (0 when the game is over).</summary>
    public readonly ulong Mine => ToMove == Disc.Black ? Black : ToMove == Disc.White ? White : 0;

    /// <summary>Discs of the other player (0 when the game is over).</summary>
    public readonly ulong Theirs => ToMove == Disc.Black ? White : ToMove == Disc.White ? Black : 0;

    /// <summary>Empty squares.</summary>
    public readonly ulong Empty => ~(Black | White);

    /// <summary>Legal moves of the player to move (0 when the game is over).</summary>
    public readonly ulong LegalMoves => IsOver ? 0 : Bitboards.LegalMoves(Mine, Theirs);

    /// <summary>What is on <paramref name="square"/>.</summary>
    public readonly Disc this[int square] =>
        ((Black >> square) & 1) != 0 ? Disc.Black : ((White >> square) & 1) != 0 ? Disc.White : Disc.Empty;

    /// <summary>Black's disc count.</summary>
    public readonly int BlackCount => Bitboards.Count(Black);

    /// <summary>White's disc count.</summary>
    public readonly int WhiteCount => Bitboards.Count(White);

    /// <summary>The player with more discs, or Empty for a draw (meaningful once the game is over).</summary>
    public readonly Disc Leader => BlackCount > WhiteCount ? Disc.Black : WhiteCount > BlackCount ? Disc.White : Disc.Empty;

    /// <summary>
    /// Plays <paramref name="square"/> for <see cref="ToMove"/>, then passes for the next side if it has no move.
    /// Returns the flipped discs, or 0 (and leaves the state unchanged) when the move is illegal or the game is over.
    /// </summary>
    public ulong TryPlay(int square)
    {
        if (IsOver || (uint)square >= Square.Count) return 0;
        ulong mine = Mine, theirs = Theirs;
        ulong flips = Bitboards.Flips(mine, theirs, square);
        if (flips == 0) return 0;
        mine |= flips | (1UL << square);
        theirs &= ~flips;
        MovesPlayed++;
        if (Bitboards.LegalMoves(theirs, mine) != 0)
        {
            SetBoards(ToMove.Opponent(), theirs, mine);
        }
        else if (Bitboards.LegalMoves(mine, theirs) != 0)
        {
            Passes++;
            SetBoards(ToMove, mine, theirs);
        }
        else
        {
            SetBoards(ToMove.Opponent(), theirs, mine);
            ToMove = Disc.Empty;
        }
        return flips;
    }

    /// <summary>Plays <paramref name="square"/> or throws when it is illegal here.</summary>
    public ulong Play(int square)
    {
        ulong flips = TryPlay(square);
        if (flips == 0)
            throw new InvalidOperationException($"{Square.Name(square)} is not a legal move for {ToMove} after {MovesPlayed} moves.");
        return flips;
    }

    void SetBoards(Disc toMove, ulong mine, ulong theirs)
    {
        ToMove = toMove;
        if (toMove == Disc.Black) { Black = mine; White = theirs; }
        else { White = mine; Black = theirs; }
    }

    /// <summary>An 8-line picture: X black, O white, . empty, rows 1..8 top to bottom.</summary>
    public override readonly string ToString()
    {
        var text = new StringBuilder("  abcdefgh\n");
        for (int row = 0; row < 8; row++)
        {
            text.Append(row + 1).Append(' ');
            for (int column = 0; column < 8; column++)
                text.Append(this[Square.At(row, column)] switch { Disc.Black => 'X', Disc.White => 'O', _ => '.' });
            text.Append('\n');
        }
        return text.ToString();
    }
}
