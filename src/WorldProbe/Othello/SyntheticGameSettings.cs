namespace WorldProbe.Othello;

/// <summary>Options of <see cref="SyntheticGameGenerator"/>.</summary>
public sealed record SyntheticGameSettings
{
    /// <summary>Number of games to write.</summary>
    public required long Games { get; init; }
    /// <summary>Seed: game i is a function of (Seed, i) only, whatever the thread count.</summary>
    public long Seed { get; init; }
    /// <summary>A first move no game may start with (such as c4 for the opening-holdout experiment), or null.</summary>
    public int? ExcludedOpening { get; init; }
    /// <summary>Keep only the first of games equal under the 4 symmetries that keep the start position.</summary>
    public bool Deduplicate { get; init; }
    /// <summary>Worker threads (null: all cores).</summary>
    public int? Threads { get; init; }
}
