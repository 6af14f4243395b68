namespace WorldProbe.Othello;

/// <summary>A game left out because a move was illegal.</summary>
/// <param name="File">The file.</param>
/// <param name="Index">0-based position in the file.</param>
/// <param name="Id">The file's id for it.</param>
/// <param name="MoveNumber">1-based number of the illegal move.</param>
/// <param name="Move">The move in standard notation.</param>
/// <param name="Reason">Why it is illegal.</param>
public sealed record IllegalGame(string File, int Index, string Id, int MoveNumber, string Move, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}, game {Index + 1} (id {Id}), move {MoveNumber} {Move}: {Reason}";
}
