namespace WorldProbe.Interventions;

/// <summary>How a benchmark case changes one occupied square of the board the model is made to believe in.</summary>
public enum TileEdit
{
    /// <summary>The disc changes colour (mine &lt;-&gt; theirs), Li et al.'s edit.</summary>
    Flip,

    /// <summary>The disc is removed (mine or theirs -&gt; empty), Nanda et al.'s "to empty" direction.</summary>
    Erase,
}

/// <summary>Names of <see cref="TileEdit"/> as the command line writes them.</summary>
public static class TileEdits
{
    /// <summary>"flip" or "erase".</summary>
    public static string Name(this TileEdit edit) => edit == TileEdit.Flip ? "flip" : "erase";

    /// <summary>Parses "flip" or "erase".</summary>
    public static TileEdit Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "flip" => TileEdit.Flip,
        "erase" => TileEdit.Erase,
        _ => throw new WorldProbeException($"--edits {name}: unknown tile edit; use flip (mine <-> theirs) or erase (to empty)."),
    };

    /// <summary>The board after applying <paramref name="edit"/> to <paramref name="square"/> (which must be occupied).</summary>
    public static (ulong Mine, ulong Theirs) Apply(this TileEdit edit, ulong mine, ulong theirs, int square)
    {
        ulong bit = 1UL << square;
        return edit == TileEdit.Flip ? (mine ^ bit, theirs ^ bit) : (mine & ~bit, theirs & ~bit);
    }
}
