using System.Globalization;
using System.Text.Json;
using WorldProbe.Othello.Evaluation;
using WorldProbe.Othello.Training;
using WorldProbe.Reports.Charts;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Release;

/// <summary>
/// Turns a training run into a self-contained model folder for users: fp16 weights and config.json
/// (loadable by <see cref="TransformerLoader"/>, computed in float32), the held-out games as a corpus
/// (so evaluation, probes and interventions need no training corpus on a fresh clone), the learning
/// curve as a chart, and a model card (README.md, card.json) whose scores are measured on the
/// released weights themselves.
/// </summary>
public static class ModelRelease
{
    /// <summary>Writes <paramref name="settings"/>.OutFolder (replaced whole) and returns what its card states.</summary>
    public static ModelReleaseResult Create(ModelReleaseSettings settings, IProgressSink progress)
    {
        string run = settings.RunFolder;
        var state = TrainingState.TryRead(run)
            ?? throw new WorldProbeException($"--run {run}: no {TrainingState.RelativePath}; give a folder written by worldprobe othello train.");
        ModelReleaseResult? result = null;
        AtomicFolder.Replace(settings.OutFolder, folder =>
        {
            long parameters;
            using (var model = TransformerLoader.Load(Path.Combine(run, state.Checkpoint
                ?? throw new WorldProbeException($"--run {run}: the training state names no checkpoint yet; train longer."))))
            {
                parameters = model.ParameterCount;
                OthelloGpt.Save(model, folder, ScalarType.Float16);
            }
            var (heldOut, _) = HeldOutGames.Load(run, null);
            GameCorpusWriter.Write(Path.Combine(folder, HeldOutGames.ReleasedFile), CorpusSourceOf(state), heldOut, new Dictionary<string, string>
            {
                ["heldOutOf"] = string.Join(", ", state.Corpora.Select(Path.GetFileName)),
                ["selection"] = $"the run's held-out games (training/held_out.npy, seed {state.Seed}), in that order",
            });
            var heldOutScore = ModelLegalityReport.Measure(folder, null, settings.EvalGames, CPU, progress);
            var championship = settings.ChampionshipCorpus is null ? null
                : ModelLegalityReport.Measure(folder, settings.ChampionshipCorpus, null, CPU, progress);
            result = new ModelReleaseResult(state.Preset, state.Model, parameters, state.Seed, state.BatchGames, state.Step, state.TotalSteps,
                state.Step * state.BatchGames, state.Tokens, state.WallSeconds / 3600, state.ComputeDType, Recipes(state), TrainCommand(state, run),
                heldOutScore with { Model = settings.OutFolder }, championship is null ? null : championship with { Model = settings.OutFolder },
                state.Curve, new FileInfo(Path.Combine(folder, "model.safetensors")).Length);
            if (state.Curve.Count > 0) DrawCurve(result, Path.Combine(folder, "learning-curve"));
            AtomicFile.WriteAllText(Path.Combine(folder, "card.json"), JsonSerializer.Serialize(result, RunManifest.Json));
            AtomicFile.WriteAllText(Path.Combine(folder, "README.md"), ModelCard.Markdown(result));
        });
        return result!;
    }

    static CorpusSource CorpusSourceOf(TrainingState state)
    {
        using var corpus = GameCorpus.Open(state.Corpora[0]);
        return corpus.Source;
    }

    static List<CorpusRecipe> Recipes(TrainingState state) => state.Corpora.Select(path =>
    {
        using var corpus = GameCorpus.Open(path);
        return new CorpusRecipe(Path.GetFileName(path), corpus.Count, corpus.Settings);
    }).ToList();

    static string TrainCommand(TrainingState state, string run)
    {
        // The corpora as the card's generate lines write them, so the two commands run one after the other.
        string corpora = string.Join(" ", state.Corpora.Select(c => "runs/corpora/" + Path.GetFileName(c)));
        string dtype = state.ComputeDType == "float32" ? "" : " --compute-dtype bf16";
        return $"worldprobe othello train --corpus {corpora} --preset {state.Preset} --steps {state.TotalSteps} --seed {state.Seed}{dtype} --out runs/{Path.GetFileName(Path.TrimEndingDirectorySeparator(run))}";
    }

    static void DrawCurve(ModelReleaseResult result, string basePath)
    {
        double[] millions = result.Curve.Select(p => p.Tokens / 1e6).ToArray();
        double[] strict = result.Curve.Select(p => 100 * p.StrictError).ToArray();
        double[] lenient = result.Curve.Select(p => 100 * p.LenientError).ToArray();
        LayerCurveChart.Save(basePath, $"Othello-GPT {result.Preset}: legal-move error while training", "top-1 error (%)",
            [new CurveSeries("strict", millions, strict, strict, strict), new CurveSeries("lenient (original rule)", millions, lenient, lenient, lenient)],
            xLabel: "target tokens seen (millions)", legendAt: ScottPlot.Alignment.UpperRight);
    }

    /// <summary>A number with thousands separators, for cards.</summary>
    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
