using WorldProbe.Cli;
using WorldProbe.Compute;
using WorldProbe.Interventions;
using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Tests.Othello;
using WorldProbe.Tests.OthelloProbes;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Interventions;

[Collection("console")]
public class InterventionTests
{
    public InterventionTests() => TorchRuntime.Initialize();

    // Square 5 (f1) reads "mine" along e0 and "theirs" along e1; every other weight is zero.
    static BoardProbe HandProbe()
    {
        var probe = new BoardProbe(ProbeTarget.Relative, ProbeKind.Linear, 0, 4, 0);
        using (no_grad())
        {
            foreach (var p in probe.parameters()) p.zero_();
            var weight = probe.LinearWeight; // [64, 3, 4]
            weight[5, 1, 0] = 1f;
            weight[5, 2, 1] = 1f;
        }
        return probe;
    }

    [Fact]
    public void ProbeDirectionStepMovesTheReadingByHand()
    {
        using var probe = HandProbe();
        var v = tensor(new float[] { 2f, 0.5f, 0f, 0f }).view(1, 4);
        // Direction theirs - mine = (-1, 1, 0, 0) / sqrt 2; alpha = 2 sqrt 2 moves v to (0, 2.5, 0, 0).
        var edited = new ProbeDirectionEdit(2 * Math.Sqrt(2)).Edit(v, probe, [5], [1], [2]);
        Assert.Equal([0f, 2.5f, 0f, 0f], edited.data<float>().ToArray().Select(x => MathF.Round(x, 5)).ToArray());
        var logits = probe.forward(edited)[0, 5].data<float>().ToArray(); // empty, mine, theirs
        Assert.Equal(0f, logits[1], 5);
        Assert.Equal(2.5f, logits[2], 5);
        // A square the probe ignores has no direction: the edit is a no-op.
        Assert.Equal(v.data<float>().ToArray(), new ProbeDirectionEdit(3).Edit(v, probe, [9], [1], [2]).data<float>().ToArray());
    }

    [Fact]
    public void GradientEditMakesTheProbeReadTheTarget()
    {
        using var probe = HandProbe();
        var v = tensor(new float[] { 2f, 0.5f, 0f, 0f }).view(1, 4);
        var edited = new GradientEdit(0.2, LearningRate: 0.05, Steps: 2000).Edit(v, probe, [5], [1], [2]);
        Assert.Equal(1.0, InterventionStudy.ReadsTarget(probe, edited, [5], [2]));
        Assert.Equal(0.0, InterventionStudy.ReadsTarget(probe, v, [5], [2]));
    }

    [Fact]
    public void GradientEditMakesAnMlpProbeReadTheTarget()
    {
        using var probe = new BoardProbe(ProbeTarget.Relative, ProbeKind.Mlp, 0, 8, seed: 1);
        manual_seed(2);
        var vectors = randn(6, 8);                                                                    // [cases, d_model]
        long[] squares = [0, 9, 18, 27, 45, 63];
        long[] currents;
        using (no_grad()) currents = probe.forward(vectors).argmax(-1)[arange(6), tensor(squares)].data<long>().ToArray();
        long[] targets = currents.Select(c => (c + 1) % 3).ToArray();
        var edited = new GradientEdit(0.2, LearningRate: 0.05, Steps: 2000).Edit(vectors, probe, squares, currents, targets);
        Assert.Equal(0.0, InterventionStudy.ReadsTarget(probe, vectors, squares, targets));
        Assert.Equal(1.0, InterventionStudy.ReadsTarget(probe, edited, squares, targets));
    }

    [Fact]
    public void WorldModelStudyRunsTheGradientEditOnEachProbeKindItIsGiven()
    {
        using var tiny = new TinyOthelloFolder(games: 80, corpusSeed: 5);
        string model = tiny.Model, corpus = tiny.Corpus, folder = tiny.File("study");
        var settings = new WorldModelStudySettings(
            new ProbeStudySettings(model, corpus, 40, [1, 2], [ProbeTarget.Relative], [ProbeKind.Linear, ProbeKind.Mlp], false, new ProbeTrainingOptions(MaxEpochs: 2)),
            new InterventionSettings(model, corpus, 40, 12, [1], [0.2], [2], Steps: 50, TileEdits: [TileEdit.Flip], GradientProbes: [ProbeKind.Linear, ProbeKind.Mlp]),
            SaliencyBoards: 0, SaliencyStartLayer: 1, SaliencyAlpha: 2);
        WorldModelStudy.Run(settings, folder, new WorldProbe.Reports.HtmlReport("study"), WorldProbe.Runs.IProgressSink.Silent);
        using var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "intervention-results.json")));
        var rows = json.RootElement.GetProperty("rows").EnumerateArray()
            .Select(r => (Method: r.GetProperty("method").GetString(), Probe: r.GetProperty("probe").GetString())).ToList();
        Assert.Equal([("none (null baseline)", "-"), ("gradient (Li et al.)", "linear"), ("gradient (Li et al.)", "mlp"), ("probe direction (Nanda et al.)", "linear")], rows);
    }

    [Fact]
    public void AnInterventionSweepRunAgainReusesTheSettingsThatFinished()
    {
        using var tiny = new TinyOthelloFolder(games: 80, corpusSeed: 5);
        string model = tiny.Model, corpus = tiny.Corpus, folder = tiny.File("sweep");
        var settings = new InterventionSettings(model, corpus, 40, 12, [1, 2], [0.2], [2], Steps: 30, TileEdits: [TileEdit.Flip]);
        var first = InterventionStudy.Run(settings, folder, WorldProbe.Runs.IProgressSink.Silent);
        Assert.Equal(5, first.Rows.Count); // null baseline + 2 Ls x (gradient, direction)

        // As if killed during the last setting: its row never reached the progress file.
        string progressFile = Path.Combine(folder, FinishedInterventions.FileName);
        var stored = System.Text.Json.JsonSerializer.Deserialize<FinishedInterventions.Progress>(File.ReadAllText(progressFile), WorldProbe.Runs.RunManifest.Json)!;
        Assert.Equal(4, stored.Rows.Count);
        WorldProbe.Runs.JsonRecordFile.Write(progressFile, stored with { Rows = stored.Rows.SkipLast(1).ToList() });
        var second = InterventionStudy.Run(settings, folder, WorldProbe.Runs.IProgressSink.Silent);
        Assert.Equal(first.Rows.Select(r => (r.Method, r.StartLayer, r.All.Mean, r.Competent.Mean)), second.Rows.Select(r => (r.Method, r.StartLayer, r.All.Mean, r.Competent.Mean)));
        for (int i = 1; i < 4; i++) Assert.Equal(first.Rows[i].Seconds, second.Rows[i].Seconds); // reused
        Assert.NotEqual(first.Rows[4].Seconds, second.Rows[4].Seconds);                       // run again

        // Other cases: nothing is reused.
        var third = InterventionStudy.Run(settings with { Cases = 10 }, folder, WorldProbe.Runs.IProgressSink.Silent);
        Assert.All(third.Rows.Skip(1), r => Assert.DoesNotContain(second.Rows, s => s.Seconds == r.Seconds));
    }

    [Fact]
    public void SymmetricDifferenceCountsMissesAndExtras()
    {
        var probabilities = new float[64];
        probabilities[19] = 0.5f; // d3
        probabilities[26] = 0.3f; // c4
        probabilities[0] = 0.2f;  // a1
        ulong legal = (1UL << 19) | (1UL << 26) | (1UL << 37);
        // top 3 = {d3, c4, a1}; legal = {d3, c4, f5}: a1 extra, f5 missing.
        Assert.Equal(2, InterventionRunner.SymmetricDifference(probabilities, legal));
        Assert.Equal(0, InterventionRunner.SymmetricDifference(probabilities, (1UL << 19) | (1UL << 26)));
    }

    [Fact]
    public void BenchmarkCasesFlipAnOccupiedTileThatChangesTheLegalMoves()
    {
        var games = Enumerable.Range(0, 40).Select(g => SyntheticGame(g)).ToList();
        var cases = InterventionBenchmark.Create(games, 30, 0);
        Assert.Equal(30, cases.Count);
        foreach (var c in cases)
        {
            Assert.InRange(c.Prefix.Length, 5, 30);
            Assert.NotEqual(c.Prefix[^1], (byte)c.Square);
            Assert.True(((c.Mine | c.Theirs) >> c.Square & 1) == 1);
            Assert.NotEqual(c.OriginalLegal, c.EditedLegal);
            Assert.NotEqual(0UL, c.EditedLegal);
            var state = GameState.Start;
            foreach (byte m in c.Prefix) state.Play(m);
            Assert.Equal(state.Mine, c.Mine);
        }
    }

    [Theory]
    [InlineData(TileEdit.Flip)]
    [InlineData(TileEdit.Erase)]
    public void EditedBoardsLegalMovesMatchTheReferenceRules(TileEdit edit)
    {
        var games = Enumerable.Range(0, 60).Select(g => SyntheticGame(g)).ToList();
        var cases = InterventionBenchmark.Create(games, 40, 3, edit);
        Assert.Equal(40, cases.Count);
        foreach (var c in cases)
        {
            var reference = new ReferenceOthello();
            foreach (byte m in c.Prefix) reference.Play(m);
            var player = reference.ToMove;
            int row = c.Square / 8, column = c.Square % 8;
            var before = reference.Cells[row, column];
            Assert.NotEqual(Disc.Empty, before);
            reference.Cells[row, column] = edit == TileEdit.Erase ? Disc.Empty : before == Disc.Black ? Disc.White : Disc.Black;
            ulong expected = reference.LegalMoves(player).Aggregate(0UL, (bits, square) => bits | 1UL << square);
            Assert.Equal(expected, c.EditedLegal);
            Assert.NotEqual(c.OriginalLegal, c.EditedLegal);
            Assert.Equal(before == player ? 1 : 2, c.CurrentClass);
            Assert.Equal(edit == TileEdit.Erase ? 0 : 3 - c.CurrentClass, c.TargetClass);
        }
    }

    static byte[] SyntheticGame(int index)
    {
        var record = new byte[GameRecord.Length];
        return record[..SyntheticGameGenerator.PlayGame(11, index, record)];
    }

    [Fact]
    public void SaliencyOfASquareTheProbeIgnoresIsZero()
    {
        using var model = WorldProbe.Transformers.OthelloGpt.Create(new OthelloGptConfig(NLayers: 2, NHeads: 2, DModel: 32, DMlp: 64, Dropout: 0), seed: 3);
        model.eval();
        var probes = new Dictionary<int, BoardProbe>();
        var prefix = SyntheticGame(1)[..12];
        var state = GameState.Start;
        foreach (byte m in prefix) state.Play(m);
        int ignored = Enumerable.Range(0, 64).First(s => ((state.Black | state.White) >> s & 1) == 1 && s != prefix[^1]);
        for (int layer = 1; layer <= 2; layer++)
        {
            var probe = new BoardProbe(ProbeTarget.Relative, ProbeKind.Linear, layer, 32, layer);
            using (no_grad()) probe.LinearWeight[ignored].zero_();
            probes[layer] = probe;
        }
        var board = LatentSaliency.Compute(model, prefix, new ProbeDirectionEdit(20), probes);
        Assert.Equal(0.0, board.Drops[ignored], 6);
        Assert.Contains(board.Drops, d => !double.IsNaN(d) && Math.Abs(d) > 1e-4);
        Assert.True(double.IsNaN(board.Drops[Enumerable.Range(0, 64).First(s => ((state.Black | state.White) >> s & 1) == 0)]));
    }

    static int Run(params string[] args) => InProcessCli.Run(args).Code;

    [Fact]
    public void NullRatioIsExactWhenEveryCaseImprovesByTheSameFactor()
    {
        double[] errors = [1, 2, 0, 4, 1, 3];
        double[] nullErrors = errors.Select(e => 3 * e).ToArray();
        var summary = InterventionErrors.Create(errors, nullErrors);
        Assert.Equal(6, summary.Cases);
        Assert.Equal(errors.Average(), summary.Mean, 12);
        Assert.InRange(summary.Mean, summary.Low, summary.High);
        // Pairs are resampled together, so every resample's ratio is 3 as well.
        Assert.Equal(3, summary.NullRatio, 12);
        Assert.Equal(3, summary.NullRatioLow, 12);
        Assert.Equal(3, summary.NullRatioHigh, 12);
        Assert.True(double.IsNaN(InterventionErrors.Create([], []).Mean));
    }

    [Fact]
    public void BadInputExitsWithTwo()
    {
        Assert.Equal(ExitCodes.BadInput, Run("othello", "probe", "--model", "/nonexistent/model", "--target", "relative"));
        Assert.Equal(ExitCodes.BadInput, Run("othello", "probe", "--model", "/nonexistent/model", "--target", "colour"));
        Assert.Equal(ExitCodes.BadInput, Run("othello", "intervene", "--model", "/nonexistent/model", "--cases", "5"));
    }
}

public class OthelloWorldModelStepTests
{
    [Fact]
    public void DemoStepSkipsWithANoteWhenNoModelIsShipped()
    {
        var report = new WorldProbe.Reports.HtmlReport("demo");
        string missing = Path.Combine(Path.GetTempPath(), $"no-model-{Guid.NewGuid():N}");
        new WorldProbe.Demo.OthelloWorldModelStep(missing).Run(Path.Combine(missing, "out"), report, WorldProbe.Runs.IProgressSink.Silent);
        Assert.Contains("Skipped: no Othello-GPT at", report.Render());
        Assert.False(Directory.Exists(missing));
    }
}
