using WorldProbe.Othello;
namespace WorldProbe.Interventions;

/// <summary>
/// One benchmark case: the first <see cref="Prefix"/>.Length moves of a game, and one occupied square whose disc
/// is flipped (mine &lt;-&gt; theirs, "mine" = the player who moves next) or erased.
/// </summary>
/// <param name="Game">Index of the game in the list it was drawn from.</param>
/// <param name="Prefix">The moves played.</param>
/// <param name="Square">The square whose disc changes colour.</param>
/// <param name="Mine">Discs of the player to move, before the edit.</param>
/// <param name="Theirs">Discs of the other player, before the edit.</param>
/// <param name="Edit">What happens to the square.</param>
public sealed record InterventionCase(int Game, byte[] Prefix, int Square, ulong Mine, ulong Theirs, TileEdit Edit = TileEdit.Flip)
{
    /// <summary>Relative class of the square before the edit (1 mine, 2 theirs).</summary>
    public int CurrentClass => (Mine >> Square & 1) != 0 ? 1 : 2;

    /// <summary>Relative class the edit asks for (0 empty, 1 mine, 2 theirs).</summary>
    public int TargetClass => Edit == TileEdit.Flip ? 3 - CurrentClass : 0;

    /// <summary>Legal moves of the player to move on the unedited board.</summary>
    public ulong OriginalLegal => Bitboards.LegalMoves(Mine, Theirs);

    /// <summary>Legal moves of the same player on the edited board.</summary>
    public ulong EditedLegal
    {
        get
        {
            var (mine, theirs) = Edit.Apply(Mine, Theirs, Square);
            return Bitboards.LegalMoves(mine, theirs);
        }
    }
}
