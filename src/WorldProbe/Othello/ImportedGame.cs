namespace WorldProbe.Othello;

/// <summary>A championship game that replayed legally.</summary>
/// <param name="File">The file it came from.</param>
/// <param name="Index">0-based position in that file.</param>
/// <param name="Id">The file's id for it (CSV id column; for WTHOR "year #n: black - white").</param>
/// <param name="Moves">The moves as standard squares (passes inferred, not stored).</param>
/// <param name="Finished">True when neither side can move after the last move.</param>
/// <param name="BlackDiscs">Black's discs after the last move.</param>
/// <param name="WhiteDiscs">White's discs after the last move.</param>
/// <param name="RecordedWinner">The result the file records (Empty = draw).</param>
public sealed record ImportedGame(string File, int Index, string Id, byte[] Moves, bool Finished, int BlackDiscs, int WhiteDiscs, Disc RecordedWinner)
{
    /// <summary>Who has more discs at the end (Empty = equal).</summary>
    public Disc FinalLeader => BlackDiscs > WhiteDiscs ? Disc.Black : WhiteDiscs > BlackDiscs ? Disc.White : Disc.Empty;
}
