using WorldProbe.Othello;
using WorldProbe.Runs;

namespace WorldProbe.Tests.Othello;

/// <summary>The corpus file: round trip, generator determinism, splits, and bad files.</summary>
public class CorpusTests
{
    static SyntheticGameSettings Settings(long games, int threads, bool dedup = false, int? excluded = null) =>
        new() { Games = games, Seed = 42, Threads = threads, Deduplicate = dedup, ExcludedOpening = excluded };

    [Fact]
    public void GeneratedCorporaAreTheSameForAnyThreadCount()
    {
        using var temp = new TempFolder();
        // 40,000 games span several 16,384-game chunks, so chunks land on different threads.
        SyntheticGameGenerator.Generate(Settings(40000, 1), temp.File("one.wpg"), IProgressSink.Silent);
        SyntheticGameGenerator.Generate(Settings(40000, 2), temp.File("two.wpg"), IProgressSink.Silent);
        SyntheticGameGenerator.Generate(Settings(40000, 3), temp.File("three.wpg"), IProgressSink.Silent);
        byte[] one = File.ReadAllBytes(temp.File("one.wpg"));
        Assert.Equal(one, File.ReadAllBytes(temp.File("two.wpg")));
        Assert.Equal(one, File.ReadAllBytes(temp.File("three.wpg")));
        using var corpus = GameCorpus.Open(temp.File("one.wpg"));
        Assert.Equal(40000, corpus.Count);
        // Game i is a function of (seed, i) only.
        var record = new byte[GameRecord.Length];
        SyntheticGameGenerator.PlayGame(42, 31234, record);
        Assert.Equal(record, corpus.Game(31234).ToArray());
        // Another seed gives other games.
        SyntheticGameGenerator.PlayGame(43, 31234, record);
        Assert.NotEqual(record, corpus.Game(31234).ToArray());
    }

    [Fact]
    public void ExcludedOpeningNeverStartsAGameAndTheOtherThreeAllDo()
    {
        using var temp = new TempFolder();
        int c4 = Square.Parse("c4");
        SyntheticGameGenerator.Generate(Settings(3000, 2, excluded: c4), temp.File("holdout.wpg"), IProgressSink.Silent);
        using var corpus = GameCorpus.Open(temp.File("holdout.wpg"));
        var openings = Enumerable.Range(0, (int)corpus.Count).Select(i => Square.Name(corpus.Game(i)[0])).ToHashSet();
        Assert.Equal(new HashSet<string> { "d3", "f5", "e6" }, openings);
        Assert.Equal("c4", corpus.Settings["excludedOpening"]);
        Assert.Throws<WorldProbeException>(() =>
            SyntheticGameGenerator.Generate(Settings(10, 1, excluded: Square.Parse("a1")), temp.File("bad.wpg"), IProgressSink.Silent));
        Assert.False(File.Exists(temp.File("bad.wpg")));
    }

    [Fact]
    public void FirstGamesWithAnOpeningAreThatOpeningsGamesInCorpusOrder()
    {
        using var temp = new TempFolder();
        SyntheticGameGenerator.Generate(Settings(2000, 1), temp.File("all.wpg"), IProgressSink.Silent);
        using var corpus = GameCorpus.Open(temp.File("all.wpg"));
        int c4 = Square.Parse("c4");
        var expected = Enumerable.Range(0, (int)corpus.Count).Select(i => corpus.Moves(i).ToArray()).Where(g => g[0] == c4).ToList();
        Assert.InRange(expected.Count, 400, 600); // a quarter of uniform random games
        Assert.Equal(expected, corpus.FirstGames(opening: c4));
        Assert.Equal(expected.Take(37), corpus.FirstGames(37, c4));
        Assert.Equal(Enumerable.Range(0, 5).Select(i => corpus.Moves(i).ToArray()), corpus.FirstGames(5));
    }

    [Fact]
    public void DeduplicatedGenerationWritesDistinctGamesDeterministically()
    {
        using var temp = new TempFolder();
        SyntheticGameGenerator.Generate(Settings(20000, 1, dedup: true), temp.File("a.wpg"), IProgressSink.Silent);
        SyntheticGameGenerator.Generate(Settings(20000, 2, dedup: true), temp.File("b.wpg"), IProgressSink.Silent);
        Assert.Equal(File.ReadAllBytes(temp.File("a.wpg")), File.ReadAllBytes(temp.File("b.wpg")));
        using var corpus = GameCorpus.Open(temp.File("a.wpg"));
        Assert.Equal(20000, corpus.Count);
        var set = new SymmetricGameSet();
        for (long i = 0; i < corpus.Count; i++) Assert.True(set.Add(corpus.Game(i)));
    }

    [Fact]
    public void CorpusRoundTripsGamesSettingsAndCounts()
    {
        using var temp = new TempFolder();
        var games = new List<byte[]>();
        var record = new byte[GameRecord.Length];
        for (int i = 0; i < 500; i++)
        {
            int n = SyntheticGameGenerator.PlayGame(5, i, record);
            games.Add(GameRecord.From(record.AsSpan(0, Math.Min(n, 1 + i % 60)))); // prefixes of every length
        }
        string path = temp.File("round.wpg");
        GameCorpusWriter.Write(path, CorpusSource.Championship, games, new Dictionary<string, string> { ["note"] = "round trip" });
        using var corpus = GameCorpus.Open(path);
        Assert.Equal(CorpusSource.Championship, corpus.Source);
        Assert.Equal("round trip", corpus.Settings["note"]);
        Assert.Equal(games.Count, corpus.Count);
        Assert.Equal(games.Sum(g => (long)GameRecord.MoveCount(g)), corpus.Header.Moves);
        for (int i = 0; i < games.Count; i++) Assert.Equal(games[i], corpus.Game(i).ToArray());
        Assert.Equal(1 + 7 % 60, corpus.Moves(7).Length);
        var chunked = corpus.Chunks(128).SelectMany(c => Enumerable.Range(0, c.Count).Select(k =>
            corpus.Records(c.First, c.Count).Slice(k * GameRecord.Length, GameRecord.Length).ToArray())).ToList();
        Assert.Equal(games, chunked);
        Assert.Equal(new[] { 128, 128, 128, 116 }, corpus.Chunks(128).Select(c => c.Count));
    }

    [Fact]
    public void AFailedWriteLeavesNoFile()
    {
        using var temp = new TempFolder();
        string path = temp.File("killed.wpg");
        Assert.Throws<InvalidOperationException>(() => GameCorpusWriter.Write(path, CorpusSource.Synthetic, writer =>
        {
            writer.Add(GameRecord.From([19]));
            throw new InvalidOperationException("killed");
        }));
        Assert.False(File.Exists(path));
        Assert.Empty(Directory.EnumerateFiles(temp.Path));
    }

    [Fact]
    public void BadCorpusFilesAreUserErrorsNamingTheFileAndPlace()
    {
        using var temp = new TempFolder();
        string good = temp.File("good.wpg");
        GameCorpusWriter.Write(good, CorpusSource.Synthetic, [GameRecord.From([19, 18])], new Dictionary<string, string>());
        byte[] bytes = File.ReadAllBytes(good);

        File.WriteAllBytes(temp.File("empty.wpg"), []);
        File.WriteAllBytes(temp.File("truncated.wpg"), bytes[..^5]);
        File.WriteAllBytes(temp.File("short.wpg"), bytes[..20]);
        var foreign = (byte[])bytes.Clone();
        foreign[0] = (byte)'X';
        File.WriteAllBytes(temp.File("foreign.wpg"), foreign);
        var miscounted = (byte[])bytes.Clone();
        miscounted[16] = 2;
        File.WriteAllBytes(temp.File("miscounted.wpg"), miscounted);

        foreach (var (name, expected) in new[]
                 {
                     ("empty.wpg", "empty"), ("truncated.wpg", "offset 16"), ("short.wpg", "shorter"),
                     ("foreign.wpg", "offset 0"), ("miscounted.wpg", "offset 16"), ("missing.wpg", "no such"),
                 })
        {
            var error = Assert.Throws<WorldProbeException>(() => GameCorpus.Open(temp.File(name)).Dispose());
            Assert.Contains(temp.File(name), error.Message);
            Assert.Contains(expected, error.Message);
        }
    }

    [Fact]
    public void SplitsAreByGameDisjointCompleteAndSeeded()
    {
        var split = GameSplit.Create(10000, 0.2, seed: 3);
        Assert.Equal(2000, split.Validation.Length);
        Assert.Equal(8000, split.Train.Length);
        Assert.Empty(split.Train.Intersect(split.Validation));
        Assert.Equal(Enumerable.Range(0, 10000), split.Train.Concat(split.Validation).Order());
        Assert.Equal(split.Validation, GameSplit.Create(10000, 0.2, seed: 3).Validation);
        Assert.NotEqual(split.Validation, GameSplit.Create(10000, 0.2, seed: 4).Validation);
        // Random, not a block: validation games come from all over the corpus.
        Assert.True(split.Validation.Count(i => i < 5000) is > 800 and < 1200);
    }
}
