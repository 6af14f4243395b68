using WorldProbe.Othello;
namespace WorldProbe.Interventions;

/// <summary>
/// Natural benchmark positions as in Li et al.: for each game, a prefix of 5 to 30 moves (uniform), and a tile to flip
/// (or erase) chosen uniformly among the occupied squares that (1) are not the square just played, (2) change the set
/// of legal moves of the player to move when edited, and (3) leave that player at least one legal move.
/// Games with no such tile (or that ended) are skipped; draws are seeded.
/// </summary>
public static class InterventionBenchmark
{
    /// <summary>Shortest prefix.</summary>
    public const int MinimumPrefix = 5;

    /// <summary>Longest prefix.</summary>
    public const int MaximumPrefix = 30;

    /// <summary>Up to <paramref name="count"/> cases, one per game of <paramref name="games"/> in order.</summary>
    public static List<InterventionCase> Create(IReadOnlyList<byte[]> games, int count, long seed, TileEdit edit = TileEdit.Flip)
    {
        var cases = new List<InterventionCase>(count);
        for (int g = 0; g < games.Count && cases.Count < count; g++)
        {
            var random = GameRandom.ForGame(seed, g);
            int longest = Math.Min(MaximumPrefix, games[g].Length - 1);
            if (longest < MinimumPrefix) continue;
            int length = MinimumPrefix + random.NextBelow(longest - MinimumPrefix + 1);
            var state = GameState.Start;
            for (int t = 0; t < length; t++) state.Play(games[g][t]);
            if (state.IsOver) continue;
            int last = games[g][length - 1];
            ulong candidates = 0, occupied = state.Black | state.White;
            ulong legal = state.LegalMoves;
            for (int square = 0; square < Square.Count; square++)
            {
                ulong bit = 1UL << square;
                if ((occupied & bit) == 0 || square == last) continue;
                var (mine, theirs) = edit.Apply(state.Mine, state.Theirs, square);
                ulong edited = Bitboards.LegalMoves(mine, theirs);
                if (edited != legal && edited != 0) candidates |= bit;
            }
            if (candidates == 0) continue;
            int chosen = Bitboards.NthSquare(candidates, random.NextBelow(Bitboards.Count(candidates)));
            cases.Add(new InterventionCase(g, games[g][..length], chosen, state.Mine, state.Theirs, edit));
        }
        return cases;
    }
}
