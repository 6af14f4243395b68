using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using WorldProbe.Runs;
using WorldProbe.Transformers;

namespace WorldProbe.Othello.Probes;

/// <summary>Everything a probe study measured.</summary>
/// <param name="Games">Which games were used.</param>
/// <param name="Positions">Positions (rows) per layer.</param>
/// <param name="ExtractSeconds">Seconds to label the games and extract the residual streams, per model.</param>
/// <param name="Results">One row per model, target, kind and layer.</param>
public sealed record ProbeStudyResult(string Games, int Positions, IReadOnlyDictionary<string, double> ExtractSeconds, IReadOnlyList<ProbeLayerResult> Results);

/// <summary>
/// Probes per layer: extracts the residual streams of held-out games once per model (trained, and a randomly initialised
/// baseline of the same shape), trains every requested target and kind at every layer, saves the probes
/// (safetensors + JSON), a results.json and the charts. Run again on the same folder, it reuses the probes that finished
/// (<see cref="FinishedProbes"/>) and trains the rest.
/// </summary>
public static class ProbeStudy
{
    /// <summary>Seed of the randomly initialised baseline model.</summary>
    public const long RandomModelSeed = 1;

    /// <summary>Runs the study and writes its files into <paramref name="folder"/>.</summary>
    public static ProbeStudyResult Run(ProbeStudySettings settings, string folder, IProgressSink progress)
    {
        if (!Directory.Exists(settings.ModelFolder))
            throw new WorldProbeException($"--model {settings.ModelFolder}: folder not found; give an Othello-GPT folder (config.json + model.safetensors) from worldprobe othello train.");
        Directory.CreateDirectory(folder);
        using var model = TransformerLoader.Load(settings.ModelFolder);
        if (model.Config.Architecture != OthelloGptConfig.ModelType)
            throw new WorldProbeException($"--model {settings.ModelFolder}: holds a {model.Config.Architecture} model; probes need an Othello-GPT.");
        var layers = settings.Layers ?? Enumerable.Range(0, model.Config.NLayers + 1).ToArray();
        var (games, description) = ProbeGames.Load(settings.ModelFolder, settings.CorpusPath, settings.Games);
        var results = new List<ProbeLayerResult>();
        var extractSeconds = new Dictionary<string, double>();
        int positions = 0;
        var models = new List<(string Name, Transformer Model)> { ("trained", model) };
        using var random = settings.RandomBaseline ? OthelloGpt.Create(OthelloGptConfig.From(model.Config), RandomModelSeed) : null;
        if (random is not null) models.Add(("random", random));
        string probeFolder = Path.Combine(folder, "probes");
        var finished = FinishedProbes.Open(probeFolder, settings);
        foreach (var (name, network) in models)
        {
            var jobs = (from target in settings.Targets from kind in settings.Kinds from layer in layers select (target, kind, layer)).ToList();
            var fitted = jobs.Select(j => finished.Find(ProbeFileName(name, j.target, j.kind, j.layer))).ToArray();
            var todo = Enumerable.Range(0, jobs.Count).Where(i => fitted[i] is null).ToArray();
            var watch = Stopwatch.StartNew();
            using var data = ActivationDataset.Extract(network, games, layers, progress);
            extractSeconds[name] = watch.Elapsed.TotalSeconds;
            positions = data.Rows;
            var split = GameRowSplit.Create(data.GameOf, data.Games, settings.Training.ValidationFraction, settings.Training.TestFraction, settings.Training.Seed);
            TrainAll(todo.Length, settings.Workers, progress, (t, sink) =>
            {
                int i = todo[t];
                var (target, kind, layer) = jobs[i];
                string file = ProbeFileName(name, target, kind, layer);
                var fit = ProbeTrainer.Train(data, layer, target, kind, split, settings.Training, sink);
                using (fit.Probe)
                {
                    fit.Probe.Save(Path.Combine(probeFolder, file));
                    var accuracy = fit.Test.Accuracy();
                    fitted[i] = new ProbeLayerResult(name, target.Name(), kind.Name(), layer, accuracy.Estimate, accuracy.Low, accuracy.High,
                                                     fit.Test.MajorityAccuracy, fit.Epochs, fit.Seconds, fit.Test.SquareAccuracy, fit.Test.BalancedAccuracy());
                    finished.Record(file, fitted[i]!);
                }
            });
            results.AddRange(fitted.Select(r => r!));
        }
        var result = new ProbeStudyResult(description, positions, extractSeconds, results);
        AtomicFile.WriteAllText(Path.Combine(folder, "probe-results.json"), JsonSerializer.Serialize(result, RunManifest.Json));
        return result;
    }

    /// <summary>
    /// Runs <paramref name="train"/>(i) for i in 0..count-1: in order with one worker (with per-probe progress), or
    /// <paramref name="workers"/> at a time on one libtorch thread each (progress counts probes).
    /// </summary>
    static void TrainAll(int count, int workers, IProgressSink progress, Action<int, IProgressSink> train)
    {
        if (workers <= 1)
        {
            for (int i = 0; i < count; i++) train(i, progress);
            return;
        }
        int previous = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(1);
        try
        {
            using var task = progress.Start($"probes, {workers} at a time", count, "probes");
            Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers }, i =>
            {
                train(i, IProgressSink.Silent);
                lock (task) task.Advance(1);
            });
        }
        finally { TorchSharp.torch.set_num_threads(previous); }
    }

    /// <summary>File name (without extension) of a saved probe.</summary>
    public static string ProbeFileName(string model, ProbeTarget target, ProbeKind kind, int layer) =>
        $"{model}-{target.Name()}-{kind.Name()}-layer{layer}";

    /// <summary>Draws accuracy-vs-layer curves (one chart per target) and per-square heat maps, and adds them with the tables to <paramref name="report"/>.</summary>
    public static void Report(ProbeStudyResult result, string folder, HtmlReport report, string? relativeTo = null)
    {
        relativeTo ??= folder;
        report.Heading("Board-state probes")
              .Paragraph($"Residual streams of {result.Games}, {result.Positions:N0} positions per layer, split by game into training (70%), " +
                         "validation (10%, early stopping) and test (20%) games. Model in eval mode (dropout off). " +
                         "\"mine\" = the player who makes the next move. Accuracy over all test squares; balanced = the mean over classes of the share " +
                         "of that class's squares read correctly (the fair score for sparse targets: the majority class alone scores 1 / classes); " +
                         "95% intervals by bootstrap over test games. " +
                         $"Extraction: {string.Join(", ", result.ExtractSeconds.Select(e => $"{e.Key} model {e.Value:F1} s"))}.");
        foreach (var target in result.Results.Select(r => r.Target).Distinct())
        {
            var rows = result.Results.Where(r => r.Target == target).ToList();
            var series = rows.GroupBy(r => (r.Kind, r.Model)).Select(g =>
            {
                var points = g.OrderBy(r => r.Layer).ToList();
                return new CurveSeries($"{g.Key.Kind}, {g.Key.Model} model", points.Select(p => (double)p.Layer).ToArray(),
                                       points.Select(p => p.Accuracy).ToArray(), points.Select(p => p.Low).ToArray(), points.Select(p => p.High).ToArray());
            }).ToList();
            string chart = LayerCurveChart.Save(Path.Combine(folder, $"accuracy-{target}"), $"{target} probe accuracy by layer", "test accuracy", series);
            report.Heading($"Target: {target}", 3)
                  .Image(Path.GetRelativePath(relativeTo, chart), $"{target}: probe accuracy against layer (95% bootstrap bands over test games)")
                  .Table(["model", "probe", "layer", "accuracy", "95% CI", "error %", "majority-class accuracy", "balanced accuracy", "95% CI", "epochs", "seconds"],
                         rows.Select(r => (IReadOnlyList<string>)[r.Model, r.Kind, I(r.Layer), P(r.Accuracy), $"{P(r.Low)} - {P(r.High)}",
                             (100 * (1 - r.Accuracy)).ToString("F2", CultureInfo.InvariantCulture), P(r.MajorityAccuracy),
                             P(r.Balanced.Estimate), $"{P(r.Balanced.Low)} - {P(r.Balanced.High)}", I(r.Epochs), r.Seconds.ToString("F1", CultureInfo.InvariantCulture)]));
            foreach (var best in rows.Where(r => r.Model == "trained").GroupBy(r => r.Kind).Select(g => g.MaxBy(r => r.Accuracy)!))
            {
                string map = BoardHeatMap.Save(Path.Combine(folder, $"squares-{target}-{best.Kind}-layer{best.Layer}"),
                    $"{target}, {best.Kind} probe, layer {best.Layer}: accuracy per square", best.SquareAccuracy, best.SquareAccuracy.Min(), 1.0);
                report.Image(Path.GetRelativePath(relativeTo, map), $"per-square test accuracy of the best layer ({best.Layer}) of the {best.Kind} {target} probe");
            }
        }
    }

    static string I(int value) => value.ToString(CultureInfo.InvariantCulture);
    static string P(double value) => (100 * value).ToString("F2", CultureInfo.InvariantCulture) + "%";
}
