namespace WorldProbe.Othello;

/// <summary>Where a corpus's games came from (stored in its header).</summary>
public enum CorpusSource : byte
{
    /// <summary>Generated: every move uniformly random among the legal ones.</summary>
    Synthetic = 0,
    /// <summary>Imported from human games (WTHOR databases, transcript CSV files).</summary>
    Championship = 1,
}
