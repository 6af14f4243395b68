using WorldProbe.Othello;
using WorldProbe.Runs;

namespace WorldProbe.Tests.Othello;

/// <summary>WTHOR databases: write, read back, import, and corrupt inputs.</summary>
public class WthorTests
{
    // Three real eOthello games, so the database holds games whose moves and results are known.
    static List<TranscriptGame> KnownGames() =>
        TranscriptCsv.Read(RepositoryRoot.Resolve("data/othello/eothello_games.csv")).Take(3).ToList();

    static List<WthorGame> AsWthor(List<TranscriptGame> games) => games.Select((g, i) =>
    {
        var state = GameState.Start;
        foreach (byte move in g.Moves) state.Play(move);
        return new WthorGame
        {
            Tournament = (ushort)(i % 2), BlackPlayer = (ushort)i, WhitePlayer = (ushort)(i + 1),
            BlackDiscs = (byte)state.BlackCount, TheoreticalScore = 32, Moves = g.Moves,
        };
    }).ToList();

    [Fact]
    public void AWrittenDatabaseReadsBackIdentically()
    {
        using var temp = new TempFolder();
        var games = AsWthor(KnownGames());
        var header = new WthorHeader { Century = 20, Year = 24, Month = 5, Day = 17, GamesYear = 2024, Depth = 22 };
        string path = temp.File("WTH_2024.wtb");
        WthorFile.Write(path, header, games);
        Assert.Equal(16 + 68 * games.Count, new FileInfo(path).Length);
        var (readHeader, readGames) = WthorFile.Read(path);
        Assert.Equal(header with { Games = (uint)games.Count }, readHeader);
        Assert.Equal(games.Count, readGames.Count);
        for (int i = 0; i < games.Count; i++)
        {
            Assert.Equal(games[i] with { Moves = [] }, readGames[i] with { Moves = [] });
            Assert.Equal(games[i].Moves, readGames[i].Moves);
        }
        // The move bytes are 10 * row + column: the first eOthello move, f5, is 56.
        Assert.Equal(56, File.ReadAllBytes(path)[16 + 8]);
    }

    [Fact]
    public void ImportReadsNamesFromJouAndTrnFilesAndReplaysGames()
    {
        using var temp = new TempFolder();
        var known = KnownGames();
        var header = new WthorHeader { Year = 24, GamesYear = 2024 };
        WthorFile.Write(temp.File("WTH_2024.wtb"), header, AsWthor(known));
        WthorFile.WriteNames(temp.File("WTHOR.JOU"), header, ["Ada", "Béla", "Chloé", "Dmitri"], WthorFile.PlayerNameSize);
        WthorFile.WriteNames(temp.File("WTHOR.TRN"), header, ["Open", "Cup"], WthorFile.TournamentNameSize);
        Assert.Equal(["Ada", "Béla", "Chloé", "Dmitri"], WthorFile.ReadNames(temp.File("WTHOR.JOU"), WthorFile.PlayerNameSize));

        var import = ChampionshipImporter.Import([temp.Path], deduplicate: false);
        Assert.Equal(3, import.Games.Count);
        Assert.Equal("2024 #2: Béla - Chloé (Cup)", import.Games[1].Id);
        for (int i = 0; i < known.Count; i++)
        {
            Assert.Equal(known[i].Moves, import.Games[i].Moves);
            Assert.Equal(known[i].Winner, import.Games[i].RecordedWinner);
        }
        Assert.Empty(import.WinnerMismatches);
    }

    [Fact]
    public void AnIllegalGameIsReportedWithFileIndexAndMoveAndLeftOut()
    {
        using var temp = new TempFolder();
        var games = AsWthor(KnownGames());
        byte[] broken = (byte[])games[1].Moves.Clone();
        (broken[10], broken[11]) = (broken[11], broken[10]);
        games[1] = games[1] with { Moves = broken };
        string path = temp.File("broken.wtb");
        WthorFile.Write(path, new WthorHeader { GamesYear = 2001 }, games);
        var import = ChampionshipImporter.Import([path], deduplicate: false);
        Assert.Equal(2, import.Games.Count);
        var problem = Assert.Single(import.Illegal);
        Assert.Equal(path, problem.File);
        Assert.Equal(1, problem.Index);
        Assert.True(problem.MoveNumber <= 12);
        Assert.Contains("broken.wtb, game 2", problem.ToString());
    }

    [Fact]
    public void CorruptDatabasesAreUserErrorsNamingFileAndPlace()
    {
        using var temp = new TempFolder();
        string good = temp.File("good.wtb");
        WthorFile.Write(good, new WthorHeader(), AsWthor(KnownGames()));
        byte[] bytes = File.ReadAllBytes(good);

        void Expect(string name, byte[] content, params string[] fragments)
        {
            string path = temp.File(name);
            File.WriteAllBytes(path, content);
            var error = Assert.Throws<WorldProbeException>(() => WthorFile.Read(path));
            Assert.Contains(path, error.Message);
            foreach (string fragment in fragments) Assert.Contains(fragment, error.Message);
            // The importer surfaces the same error, and writes nothing.
            Assert.Throws<WorldProbeException>(() => ChampionshipImporter.Import([path], false));
        }

        Expect("empty.wtb", [], "empty");
        Expect("header.wtb", bytes[..10], "16-byte");
        Expect("truncated.wtb", bytes[..^30], "offset 4", "2 whole games", "truncated");
        var miscounted = (byte[])bytes.Clone();
        miscounted[4] = 7;
        Expect("miscounted.wtb", miscounted, "header says 7 games");
        var badSquare = (byte[])bytes.Clone();
        badSquare[16 + 68 + 8 + 4] = 19; // column 9
        Expect("badsquare.wtb", badSquare, "game 2", "move 5", "byte 19");
        var stray = (byte[])bytes.Clone();
        stray[16 + 8 + 58] = 0; // game 1 has 60 moves: a zero at move 59 leaves move 60 stranded
        Expect("stray.wtb", stray, "game 1", "move 60", "end-of-game");
        var board = (byte[])bytes.Clone();
        board[12] = 10;
        Expect("board.wtb", board, "offset 12", "board size 10");
    }

    [Fact]
    public void CsvWithMissingColumnsOrBadRowsIsAUserErrorNamingTheLine()
    {
        using var temp = new TempFolder();
        void Expect(string name, string content, params string[] fragments)
        {
            string path = temp.File(name);
            File.WriteAllText(path, content);
            var error = Assert.Throws<WorldProbeException>(() => ChampionshipImporter.Import([path], false));
            Assert.Contains(path, error.Message);
            foreach (string fragment in fragments) Assert.Contains(fragment, error.Message);
        }

        Expect("empty.csv", "", "empty");
        Expect("columns.csv", "Othello_game_id,game_moves\n1,f5d6\n", "line 1", "winner");
        Expect("square.csv", "Othello_game_id,winner,game_moves\n1,1,f5d6\n2,1,f5k6\n", "line 3", "move 2", "k6");
        Expect("winner.csv", "Othello_game_id,winner,game_moves\n1,black,f5d6\n", "line 2", "winner");
        Expect("fields.csv", "Othello_game_id,winner,game_moves\n1,1\n", "line 2", "2 fields");
        Expect("odd.csv", "Othello_game_id,winner,game_moves\n1,1,f5d\n", "line 2", "odd");
    }

    [Fact]
    public void ExportedCorporaImportBackToTheSameGamesWithFederationScores()
    {
        using var temp = new TempFolder();
        var known = KnownGames();
        string corpusPath = temp.File("known.wpg");
        GameCorpusWriter.Write(corpusPath, CorpusSource.Championship, known.Select(g => GameRecord.From(g.Moves)), new Dictionary<string, string>());
        using (var corpus = GameCorpus.Open(corpusPath)) WthorExport.Write(corpus, temp.File("export.wtb"), 2020);
        var (header, games) = WthorFile.Read(temp.File("export.wtb"));
        Assert.Equal(2020, header.GamesYear);
        Assert.Equal(known.Select(g => g.Moves), games.Select(g => g.Moves));
        var import = ChampionshipImporter.Import([temp.File("export.wtb")], false);
        Assert.Equal(known.Select(g => g.Winner), import.Games.Select(g => g.RecordedWinner));
    }
}
