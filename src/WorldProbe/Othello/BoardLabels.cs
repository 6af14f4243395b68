namespace WorldProbe.Othello;

/// <summary>
/// Preallocated label arrays for <see cref="BoardLabeler"/>: <see cref="Games"/> games laid out with a fixed stride
/// of 60 positions, position p = game * 60 + (t - 1) for t = 1..60 = the board after moves 1..t (the residual stream
/// at the token of move t sees exactly moves 1..t). Square arrays are [positions, 64] in standard square order.
/// Positions past a game's end have <see cref="Valid"/> = 0 and zeros elsewhere. Leave an array null to skip it.
/// </summary>
public sealed class BoardLabels
{
    /// <summary>Positions per game.</summary>
    public const int PositionsPerGame = GameRecord.Length;

    /// <summary>Number of games the arrays hold.</summary>
    public int Games { get; }

    /// <summary>Games * 60.</summary>
    public long Positions => (long)Games * PositionsPerGame;

    /// <summary>[positions, 64]: 0 empty, 1 black, 2 white (<see cref="Disc"/>).</summary>
    public byte[]? Absolute { get; }

    /// <summary>
    /// [positions, 64]: 0 empty, 1 mine, 2 theirs, where "mine" = the player who makes the next move (after any pass:
    /// if the side whose turn it is must pass, the next player is the other side, who moves again). In finished games
    /// "mine" is the player who did not make the last move.
    /// </summary>
    public byte[]? Relative { get; }

    /// <summary>[positions, 64]: 1 where move t flipped a disc (the played square itself is not counted).</summary>
    public byte[]? Flipped { get; }

    /// <summary>[positions, 64]: 1 where the next player (as in <see cref="Relative"/>) may play; all 0 once the game is over.</summary>
    public byte[]? Legal { get; }

    /// <summary>[positions]: the next player (1 black, 2 white), 0 when the game is over or the position is padding.</summary>
    public byte[] NextPlayer { get; }

    /// <summary>[positions]: 1 when the game has a move t (the position exists), 0 for padding.</summary>
    public byte[] Valid { get; }

    /// <summary>Allocates the arrays for <paramref name="games"/> games; pass false to skip an array.</summary>
    public BoardLabels(int games, bool absolute = true, bool relative = true, bool flipped = true, bool legal = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(games);
        long squares = (long)games * PositionsPerGame * Square.Count;
        if (squares > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(games), games, $"at most {Array.MaxLength / (PositionsPerGame * Square.Count)} games per batch");
        Games = games;
        Absolute = absolute ? new byte[squares] : null;
        Relative = relative ? new byte[squares] : null;
        Flipped = flipped ? new byte[squares] : null;
        Legal = legal ? new byte[squares] : null;
        NextPlayer = new byte[Positions];
        Valid = new byte[Positions];
    }
}
