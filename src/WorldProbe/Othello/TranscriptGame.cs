namespace WorldProbe.Othello;

/// <summary>One game of a transcript CSV file.</summary>
/// <param name="Line">1-based line in the file.</param>
/// <param name="Id">The game id column.</param>
/// <param name="Winner">The recorded winner: Black, White, or Empty for a draw.</param>
/// <param name="Moves">The moves as standard squares.</param>
public sealed record TranscriptGame(int Line, string Id, Disc Winner, byte[] Moves);
