using System.Text.Json;
using WorldProbe.Compute;
using WorldProbe.Othello;
using WorldProbe.Othello.Evaluation;
using WorldProbe.Othello.Release;
using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.OthelloTraining;

public class ModelReleaseTests
{
    public ModelReleaseTests() => TorchRuntime.Initialize();

    static (string Run, string Corpus) TrainTiny()
    {
        string corpus = Path.Combine(Directory.CreateTempSubdirectory("wp-release-").FullName, "games.wpg");
        SyntheticGameGenerator.Generate(new SyntheticGameSettings { Games = 400, Seed = 5, Threads = 1, ExcludedOpening = Square.Parse("c4", where: "test") }, corpus, IProgressSink.Silent);
        string run = Directory.CreateTempSubdirectory("wp-release-").FullName;
        new OthelloTrainer(new OthelloTrainingOptions([corpus], OthelloTrainingPreset.Tiny, run, 6, false, Seed: 2, HeldOutGames: 40,
            CheckpointInterval: TimeSpan.FromHours(1), EvaluateEvery: 3, CurveGames: 20, LossEvery: 1)).Run(IProgressSink.Silent);
        return (run, corpus);
    }

    [Fact]
    public void ReleasedModelIsTheRunsModelInHalfPrecisionWithItsHeldOutGames()
    {
        var (run, corpus) = TrainTiny();
        string output = Path.Combine(Directory.CreateTempSubdirectory("wp-release-").FullName, "othello-gpt-tiny");
        var result = ModelRelease.Create(new ModelReleaseSettings(run, output, EvalGames: 25, ChampionshipCorpus: corpus), IProgressSink.Silent);

        // The weights: the run's own, rounded to float16, and the logits agree to float16 precision.
        using var original = TransformerLoader.Load(run);
        using var released = TransformerLoader.Load(output);
        original.eval();
        released.eval();
        var stored = released.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        foreach (var (name, parameter) in original.named_parameters())
            Assert.True(parameter.to(ScalarType.Float16).to(ScalarType.Float32).eq(stored[name]).all().item<bool>(), name);
        using var tokens = tensor(new long[] { 20, 27, 38, 44, 11 }).unsqueeze(0);
        using var a = original.Forward(tokens);
        using var b = released.Forward(tokens);
        Assert.True((a - b).abs().max().item<float>() < 2e-2f * a.abs().max().item<float>());

        // The held-out games travel with the model, in the run's order, and are what eval uses by default.
        var (runGames, _) = HeldOutGames.Load(run, null);
        using (var carried = GameCorpus.Open(Path.Combine(output, HeldOutGames.ReleasedFile)))
            Assert.Equal(runGames, carried.FirstGames());
        var again = ModelLegalityReport.Measure(output, null, 25, CPU, IProgressSink.Silent);
        Assert.Equal(result.HeldOut.Trained, again.Trained);
        Assert.Equal(25, result.HeldOut.Trained.Games);
        Assert.Equal(400, result.Championship!.Trained.Games);

        // The card states the run's own record.
        var state = TrainingState.TryRead(run)!;
        Assert.Equal(state.Step, result.Step);
        Assert.Equal(state.Step * OthelloTrainingPreset.Tiny.BatchGames, result.GamesSeen);
        Assert.Equal(state.Curve.Count, result.Curve.Count);
        string card = File.ReadAllText(Path.Combine(output, "README.md"));
        Assert.Contains($"Steps trained: {state.Step}", card);
        // Commands that regenerate the corpus (its opening holdout included) and repeat the run into a folder of its name.
        Assert.Contains("worldprobe othello generate --games 400 --seed 5 --exclude-opening c4 --out runs/corpora/games.wpg", card);
        Assert.Contains($"worldprobe othello train --corpus runs/corpora/games.wpg --preset tiny", card);
        Assert.Contains($"--out runs/{Path.GetFileName(run)}", card);
        Assert.Contains("worldprobe othello eval --model models/othello-gpt-tiny", card);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "card.json")));
        Assert.Equal(result.HeldOut.Trained.StrictErrors, json.RootElement.GetProperty("heldOut").GetProperty("trained").GetProperty("strictErrors").GetInt64());
        Assert.True(File.Exists(Path.Combine(output, "learning-curve.png")));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(output)!, ".*"));
    }
}
