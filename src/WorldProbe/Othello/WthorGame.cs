namespace WorldProbe.Othello;

/// <summary>
/// One 68-byte WTHOR game record: tournament, black and white player numbers (indices into the .trn and .jou files),
/// black's recorded final disc count, the theoretical score, and the moves (standard <see cref="Square"/>s, no passes).
/// </summary>
public sealed record WthorGame
{
    /// <summary>Tournament number (index into the .trn file).</summary>
    public ushort Tournament { get; init; }
    /// <summary>Black player's number (index into the .jou file).</summary>
    public ushort BlackPlayer { get; init; }
    /// <summary>White player's number.</summary>
    public ushort WhitePlayer { get; init; }
    /// <summary>Black's discs at the end as recorded (empty squares go to the winner by the federation's rule).</summary>
    public byte BlackDiscs { get; init; }
    /// <summary>Black's disc count with perfect play from the depth in the header.</summary>
    public byte TheoreticalScore { get; init; }
    /// <summary>The moves, as standard squares 0..63.</summary>
    public required byte[] Moves { get; init; }
}
