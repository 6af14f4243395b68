using WorldProbe.Compute;
using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using static TorchSharp.torch;

namespace WorldProbe.Tests.OthelloProbes;

public class ProbeTrainingTests
{
    public ProbeTrainingTests() => TorchRuntime.Initialize();

    static List<byte[]> RandomGames(int count, long seed)
    {
        string path = Path.Combine(Path.GetTempPath(), $"probe-tests-{Guid.NewGuid():N}.wpg");
        try
        {
            SyntheticGameGenerator.Generate(new SyntheticGameSettings { Games = count, Seed = seed }, path, WorldProbe.Runs.IProgressSink.Silent);
            using var corpus = GameCorpus.Open(path);
            return corpus.ReadAll();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LinearProbeRecoversPlantedRelativeBoard()
    {
        // Activations = a fixed random linear map of the one-hot relative board + noise: a linear probe must read it back.
        var games = RandomGames(250, 7);
        var records = games.SelectMany(g => GameRecord.From(g)).ToArray();
        var all = new BoardLabels(games.Count);
        BoardLabeler.LabelGames(records, all, threads: 1);
        var positions = Enumerable.Range(0, (int)all.Positions).Where(p => all.Valid[p] == 1).ToArray();
        var labels = new BoardLabels((positions.Length + 59) / 60);
        for (int r = 0; r < positions.Length; r++)
        {
            labels.Valid[r] = 1;
            all.Relative.AsSpan(positions[r] * 64, 64).CopyTo(labels.Relative.AsSpan(r * 64));
        }
        manual_seed(3);
        var oneHot = nn.functional.one_hot(tensor(labels.Relative!.AsSpan(0, positions.Length * 64).ToArray(), positions.Length, 64).to(ScalarType.Int64), 3)
            .reshape(positions.Length, 192).to(ScalarType.Float32);
        var map = randn(192, 160); // wider than the 128 free dimensions of 64 one-hot triples, so the board is linearly recoverable
        var features = oneHot.matmul(map) + 0.01f * randn(positions.Length, 160);
        var data = ActivationDataset.FromFeatures([0], [features], positions.Select(p => p / 60).ToArray(), labels);
        var split = GameRowSplit.Create(data.GameOf, data.Games, 0.1, 0.2, 0);
        var fit = ProbeTrainer.Train(data, 0, ProbeTarget.Relative, ProbeKind.Linear, split, new ProbeTrainingOptions(LearningRate: 1e-2, BatchSize: 256, MaxEpochs: 40, Patience: 4));
        var accuracy = fit.Test.Accuracy();
        Assert.True(accuracy.Estimate > 0.99, $"accuracy {accuracy.Estimate}");
        Assert.True(accuracy.Low <= accuracy.Estimate && accuracy.Estimate <= accuracy.High);
        Assert.True(fit.Test.MajorityAccuracy < 0.9, "the majority class alone must not explain the result");
        Assert.True(fit.Test.BalancedAccuracy().Estimate > 0.99, $"balanced accuracy {fit.Test.BalancedAccuracy().Estimate}");
    }

    [Fact]
    public void AStudyRunAgainReusesTheProbesThatFinishedUnderTheSameSettings()
    {
        using var tiny = new TinyOthelloFolder(games: 60, corpusSeed: 9);
        string model = tiny.Model, corpus = tiny.Corpus, folder = tiny.File("study");
        ProbeStudySettings Settings(ProbeTarget[] targets, int games) =>
            new(model, corpus, games, [0, 2], targets, [ProbeKind.Linear], false, new ProbeTrainingOptions(MaxEpochs: 2));
        var first = ProbeStudy.Run(Settings([ProbeTarget.Relative], 60), folder, WorldProbe.Runs.IProgressSink.Silent);

        // As if killed after layer 2's weights were written but before its result: layer 0 is reused as it was
        // (its training time too), layer 2 is trained again to the same probe, and the new target is trained.
        File.Delete(Path.Combine(folder, "probes", ProbeStudy.ProbeFileName("trained", ProbeTarget.Relative, ProbeKind.Linear, 2) + ".result.json"));
        var second = ProbeStudy.Run(Settings([ProbeTarget.Relative, ProbeTarget.Legal], 60), folder, WorldProbe.Runs.IProgressSink.Silent);
        Assert.Equal(["relative 0", "relative 2", "legal 0", "legal 2"], second.Results.Select(r => $"{r.Target} {r.Layer}"));
        Assert.Equal(first.Results[0].Seconds, second.Results[0].Seconds);
        Assert.Equal(first.Results[0].SquareAccuracy, second.Results[0].SquareAccuracy);
        Assert.NotEqual(first.Results[1].Seconds, second.Results[1].Seconds);
        Assert.Equal(first.Results[1].Accuracy, second.Results[1].Accuracy);
        Assert.Equal(first.Results[1].SquareAccuracy, second.Results[1].SquareAccuracy);

        // Other games: nothing is reused.
        var third = ProbeStudy.Run(Settings([ProbeTarget.Relative], 50), folder, WorldProbe.Runs.IProgressSink.Silent);
        Assert.All(third.Results, r => Assert.DoesNotContain(second.Results, s => s.Seconds == r.Seconds));
    }

    [Fact]
    public void TwoWorkersTrainExactlyTheProbesOneWorkerTrains()
    {
        using var tiny = new TinyOthelloFolder(games: 60, corpusSeed: 9);
        string model = tiny.Model, corpus = tiny.Corpus;
        ProbeStudySettings Settings(int workers) => new(model, corpus, 60, [0, 2], [ProbeTarget.Relative, ProbeTarget.Legal],
            [ProbeKind.Linear, ProbeKind.Mlp], false, new ProbeTrainingOptions(MaxEpochs: 3), workers);
        var one = ProbeStudy.Run(Settings(1), tiny.File("one"), WorldProbe.Runs.IProgressSink.Silent);
        var two = ProbeStudy.Run(Settings(2), tiny.File("two"), WorldProbe.Runs.IProgressSink.Silent);
        Assert.Equal(8, two.Results.Count);
        Assert.Equal(one.Results.Select(r => (r.Target, r.Kind, r.Layer, r.Accuracy, r.Epochs)), two.Results.Select(r => (r.Target, r.Kind, r.Layer, r.Accuracy, r.Epochs)));
        // Every file but the results (they hold training times): the weights, the probe descriptions, the study key.
        foreach (string file in Directory.GetFiles(Path.Combine(tiny.File("one"), "probes")).Where(f => !f.EndsWith(".result.json")))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(tiny.File("two"), "probes", Path.GetFileName(file))));
    }

    [Fact]
    public void BalancedAccuracyIsTheMeanRecallOverClasses()
    {
        // Two games, two classes. Class 0: 90 + 90 squares, all right; class 1: 6 + 4 squares, 3 + 1 right.
        // Plain accuracy 184 / 190 = 0.968; balanced (1 + 4 / 10) / 2 = 0.7. A majority-class reader would score 0.5.
        var evaluation = new ProbeEvaluation(new double[Square.Count], 2, 0.95, 2, CorrectPerGameClass: [90, 3, 90, 1], CountPerGameClass: [90, 6, 90, 4]);
        Assert.Equal([93.0, 91.0], evaluation.CorrectPerGame);
        Assert.Equal([96.0, 94.0], evaluation.SquaresPerGame);
        Assert.Equal(184.0 / 190, evaluation.Accuracy().Estimate, 12);
        var balanced = evaluation.BalancedAccuracy();
        Assert.Equal(0.7, balanced.Estimate, 12);
        Assert.InRange(balanced.Estimate, balanced.Low, balanced.High);
        var majority = new ProbeEvaluation(new double[Square.Count], 2, 0.95, 2, [90, 0, 90, 0], [90, 6, 90, 4]);
        Assert.Equal(0.5, majority.BalancedAccuracy().Estimate, 12);
    }

    [Fact]
    public void SplitNeverSharesAGameBetweenParts()
    {
        int[] gameOf = Enumerable.Range(0, 1000).Select(r => r / 37).ToArray();
        var split = GameRowSplit.Create(gameOf, gameOf.Max() + 1, 0.1, 0.2, 5);
        var parts = new[] { split.Train, split.Validation, split.Test }.Select(rows => rows.Select(r => gameOf[r]).ToHashSet()).ToArray();
        Assert.Empty(parts[0].Intersect(parts[1]));
        Assert.Empty(parts[0].Intersect(parts[2]));
        Assert.Empty(parts[1].Intersect(parts[2]));
        Assert.Equal(1000, split.Train.Length + split.Validation.Length + split.Test.Length);
    }

    [Fact]
    public void BootstrapIntervalCoversTheRatioAndShrinksWithMoreGames()
    {
        var random = new Random(1);
        double[] small = Enumerable.Range(0, 20).Select(_ => (double)random.Next(40, 60)).ToArray();
        double[] large = Enumerable.Range(0, 2000).Select(_ => (double)random.Next(40, 60)).ToArray();
        var a = Bootstrap.RatioOfSums(small, small.Select(_ => 100.0).ToArray());
        var b = Bootstrap.RatioOfSums(large, large.Select(_ => 100.0).ToArray());
        Assert.Equal(small.Sum() / (100.0 * small.Length), a.Estimate, 12);
        Assert.True(a.Low < a.Estimate && a.Estimate < a.High);
        Assert.True(b.High - b.Low < (a.High - a.Low) / 3);
    }

    [Theory]
    [InlineData("absolute", ProbeTarget.Absolute, 3)]
    [InlineData("relative", ProbeTarget.Relative, 3)]
    [InlineData("flipped", ProbeTarget.Flipped, 2)]
    [InlineData("legal", ProbeTarget.Legal, 2)]
    public void TargetsAreNamed(string name, ProbeTarget target, int classes)
    {
        Assert.Equal(target, ProbeTargets.Parse(name));
        Assert.Equal(name, target.Name());
        Assert.Equal(classes, target.Classes());
    }

    [Fact]
    public void UnknownTargetIsAUserError() =>
        Assert.Throws<WorldProbeException>(() => ProbeTargets.Parse("colour"));
}
