namespace WorldProbe.Othello;

/// <summary>The outcome of <see cref="ChampionshipImporter.Import"/>: the kept games and every problem found.</summary>
public sealed record ChampionshipImport
{
    /// <summary>The input files, in order.</summary>
    public required IReadOnlyList<string> Inputs { get; init; }
    /// <summary>Games kept (legal, and first of their symmetry class when de-duplicating), in input order.</summary>
    public required IReadOnlyList<ImportedGame> Games { get; init; }
    /// <summary>Games left out because a move was illegal.</summary>
    public required IReadOnlyList<IllegalGame> Illegal { get; init; }
    /// <summary>Kept games that stop before the end (a side could still move): recorded results of these are not board results.</summary>
    public required IReadOnlyList<ImportedGame> Unfinished { get; init; }
    /// <summary>Finished games whose recorded winner disagrees with the final discs.</summary>
    public required IReadOnlyList<ImportedGame> WinnerMismatches { get; init; }
    /// <summary>Games left out as copies (under the 4 symmetries) of an earlier game, with the game they copy.</summary>
    public required IReadOnlyList<(ImportedGame Dropped, ImportedGame Kept)> Duplicates { get; init; }
    /// <summary>Games read before any check.</summary>
    public int GamesRead { get; init; }
}
