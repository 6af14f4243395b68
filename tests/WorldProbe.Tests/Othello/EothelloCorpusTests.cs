using WorldProbe.Othello;
using WorldProbe.Runs;

namespace WorldProbe.Tests.Othello;

/// <summary>The vendored eOthello games (25,657 human games) replayed through the importer.</summary>
public class EothelloCorpusTests
{
    static readonly Lazy<ChampionshipImport> import = new(() =>
        ChampionshipImporter.Import([RepositoryRoot.Resolve("data/othello/eothello_games.csv")], deduplicate: false));

    [Fact]
    public void EveryGameReplaysLegally()
    {
        Assert.Equal(25657, import.Value.GamesRead);
        Assert.Empty(import.Value.Illegal);
        Assert.Equal(25657, import.Value.Games.Count);
    }

    [Fact]
    public void EveryFinishedGameHasItsRecordedWinner()
    {
        var finished = import.Value.Games.Where(g => g.Finished).ToList();
        Assert.True(finished.Count > 25600);
        Assert.All(finished, g => Assert.Equal(g.RecordedWinner, g.FinalLeader));
        Assert.Empty(import.Value.WinnerMismatches);
    }

    [Fact]
    public void UnfinishedGamesAreReportedNotTreatedAsFinished()
    {
        // 596120 stops after 28 moves with a recorded result (black) that the board does not show. 595810 also stops
        // early (21 moves, both sides can still move); its recorded winner happens to lead on discs.
        var unfinished = import.Value.Unfinished.ToDictionary(g => g.Id);
        Assert.Equal(new[] { "595810", "596120" }, unfinished.Keys.Order());
        Assert.Equal(28, unfinished["596120"].Moves.Length);
        Assert.Equal(21, unfinished["595810"].Moves.Length);
        Assert.Equal(Disc.Black, unfinished["596120"].RecordedWinner);
        Assert.NotEqual(Disc.Black, unfinished["596120"].FinalLeader);
        Assert.All(import.Value.Unfinished, g => Assert.False(g.Finished));
    }

    [Fact]
    public void SymmetryDeduplicationFindsAGameAndItsTransformedCopies()
    {
        using var temp = new TempFolder();
        var games = import.Value.Games.Take(3).ToList();
        string csv = temp.File("symmetric.csv");
        var lines = new List<string> { "Othello_game_id,winner,game_moves" };
        int id = 0;
        foreach (var game in games.Take(2))
            foreach (var symmetry in BoardSymmetries.All)
                lines.Add($"{id++},{(game.RecordedWinner == Disc.Black ? 1 : game.RecordedWinner == Disc.White ? -1 : 0)}," +
                          GameRecord.Transcript(BoardSymmetries.Apply(symmetry, GameRecord.From(game.Moves))));
        lines.Add($"{id},1,{GameRecord.Transcript(GameRecord.From(games[2].Moves))}");
        File.WriteAllLines(csv, lines);

        var plain = ChampionshipImporter.Import([csv], deduplicate: false);
        Assert.Equal(9, plain.Games.Count); // every symmetric image is itself a legal game
        Assert.Equal(4, plain.Games.Take(4).Select(g => GameRecord.Transcript(GameRecord.From(g.Moves))).Distinct().Count());
        var deduplicated = ChampionshipImporter.Import([csv], deduplicate: true);
        Assert.Equal(new[] { "0", "4", "8" }, deduplicated.Games.Select(g => g.Id));
        Assert.Equal(6, deduplicated.Duplicates.Count);
        Assert.All(deduplicated.Duplicates, d => Assert.Equal(int.Parse(d.Dropped.Id) / 4 * 4, int.Parse(d.Kept.Id)));
        // The set used by the generator agrees.
        var set = new SymmetricGameSet();
        Assert.True(set.Add(GameRecord.From(games[0].Moves)));
        foreach (var symmetry in BoardSymmetries.All)
            Assert.False(set.Add(BoardSymmetries.Apply(symmetry, GameRecord.From(games[0].Moves))));
    }

    [Fact]
    public void ImportWritesAChampionshipCorpusOfTheKeptGames()
    {
        using var temp = new TempFolder();
        string path = temp.File("eothello.wpg");
        ChampionshipImporter.WriteCorpus(import.Value, path, deduplicated: false);
        using var corpus = GameCorpus.Open(path);
        Assert.Equal(CorpusSource.Championship, corpus.Source);
        Assert.Equal(25657, corpus.Count);
        Assert.Equal("f5d6c4d3e6f4e3f6c5b4e7f3c6d7b5a5c3b3g5h5g4h4e2g6b6d8c7c8a4a6a7f1a3c2d2b2e1b7g3h3f2d1a1a2b1a8c1g1f7g8e8f8b8g7h8h7h6h2g2h1",
            GameRecord.Transcript(corpus.Game(0)));
        Assert.Equal("2", corpus.Settings["unfinishedKept"]);
    }
}
