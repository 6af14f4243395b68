using WorldProbe.Compute;
using WorldProbe.Othello;
using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using WorldProbe.Transformers;

namespace WorldProbe.Tests.OthelloTraining;

public class OthelloTrainingTests
{
    public OthelloTrainingTests() => TorchRuntime.Initialize();

    static string Corpus(int games, long seed)
    {
        string path = Path.Combine(Directory.CreateTempSubdirectory("wp-train-").FullName, "games.wpo");
        SyntheticGameGenerator.Generate(new SyntheticGameSettings { Games = games, Seed = seed, Threads = 1 }, path, IProgressSink.Silent);
        return path;
    }

    static OthelloTrainingOptions Options(string corpus, string folder, long steps, bool resume = false, bool checkpointEveryStep = true) =>
        new([corpus], OthelloTrainingPreset.Tiny, folder, steps, resume, Seed: 3, HeldOutGames: 100,
            CheckpointInterval: checkpointEveryStep ? TimeSpan.Zero : TimeSpan.FromHours(1), EvaluateEvery: 1000, CurveGames: 100, LossEvery: 1);

    /// <summary>A progress sink that "kills" the run (throws) once it has seen <paramref name="steps"/> steps.</summary>
    sealed class KillAfter(int steps) : IProgressSink, IProgressTask
    {
        int seen;
        public IProgressTask Start(string description, double total, string unit) => this;
        public void Advance(double units)
        {
            if (++seen > steps) throw new OperationCanceledException("killed");
        }
        public void SetDescription(string description) { }
        public void Dispose() { }
    }

    [Fact]
    public void LossFallsOnASmallCorpus()
    {
        string folder = Directory.CreateTempSubdirectory("wp-train-").FullName;
        var state = new OthelloTrainer(Options(Corpus(2000, 1), folder, 150, checkpointEveryStep: false)).Run(IProgressSink.Silent);
        double first = state.Loss.Take(10).Average(p => p.Loss), last = state.Loss.TakeLast(10).Average(p => p.Loss);
        // An untrained model is near uniform over the 61 tokens (ln 61 = 4.11).
        Assert.True(first > 3.8, $"initial loss {first}");
        Assert.True(last < first - 0.2, $"loss went from {first} to {last}");
        // Even this little training makes most predictions legal; an untrained model errs on about 85%.
        Assert.True(state.Curve[^1].StrictError < 0.75, $"strict error {state.Curve[^1].StrictError}");
        using var model = TransformerLoader.Load(folder);
        Assert.Equal(OthelloGptConfig.ModelType, model.Config.Architecture);
    }

    [Fact]
    public void ResumeAfterAKillReproducesTheUninterruptedRun()
    {
        string corpus = Corpus(600, 2);
        string straight = Directory.CreateTempSubdirectory("wp-train-").FullName;
        var expected = new OthelloTrainer(Options(corpus, straight, 40)).Run(IProgressSink.Silent);

        string killed = Directory.CreateTempSubdirectory("wp-train-").FullName;
        Assert.Throws<OperationCanceledException>(() => new OthelloTrainer(Options(corpus, killed, 40)).Run(new KillAfter(23)));
        Assert.Equal(23, TrainingState.TryRead(killed)!.Step);
        var resumed = new OthelloTrainer(Options(corpus, killed, 40, resume: true)).Run(IProgressSink.Silent);

        Assert.Equal(expected.Loss.Select(p => p.Loss), resumed.Loss.Select(p => p.Loss));
        Assert.Equal(expected.Tokens, resumed.Tokens);
        Assert.Equal(File.ReadAllBytes(Path.Combine(straight, "model.safetensors")), File.ReadAllBytes(Path.Combine(killed, "model.safetensors")));
    }

    [Fact]
    public void StartingOverAnExistingRunOrResumingNothingIsRefused()
    {
        string corpus = Corpus(300, 4);
        string folder = Directory.CreateTempSubdirectory("wp-train-").FullName;
        Assert.Throws<WorldProbeException>(() => new OthelloTrainer(Options(corpus, folder, 2, resume: true)).Run(IProgressSink.Silent));
        new OthelloTrainer(Options(corpus, folder, 2)).Run(IProgressSink.Silent);
        var error = Assert.Throws<WorldProbeException>(() => new OthelloTrainer(Options(corpus, folder, 2)).Run(IProgressSink.Silent));
        Assert.Contains("--resume", error.Message);
    }

    [Fact]
    public void ScheduleWarmsUpThenDecaysToTheFloor()
    {
        var schedule = new LearningRateSchedule(Peak: 1.0, WarmupSteps: 10, TotalSteps: 110);
        Assert.Equal(0.1, schedule.At(0), 12);
        Assert.Equal(1.0, schedule.At(9), 12);
        Assert.Equal(0.55, schedule.At(60), 12);   // halfway through the cosine: 0.1 + 0.9 * 0.5
        Assert.Equal(0.1, schedule.At(110), 12);
    }
}
