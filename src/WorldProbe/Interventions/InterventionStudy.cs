using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.Reports;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Interventions;

/// <summary>Everything an intervention study measured.</summary>
/// <param name="Games">Which games were used.</param>
/// <param name="Cases">Benchmark cases per tile edit ("flip", "erase").</param>
/// <param name="NullErrorOriginal">Per tile edit: mean error of the unedited model against the unedited board of those cases (how good the model is; the "competent" cases are those where it is 0).</param>
/// <param name="Rows">The table: per tile edit, the null baseline first.</param>
public sealed record InterventionStudyResult(string Games, IReadOnlyDictionary<string, int> Cases, IReadOnlyDictionary<string, double> NullErrorOriginal,
    IReadOnlyList<InterventionResult> Rows);

/// <summary>
/// Both published interventions on a benchmark of natural positions, swept over Ls, beta and alpha, against the null
/// baseline of not intervening, for each tile edit (flip mine &lt;-&gt; theirs, erase to empty). A sweep run again on its
/// folder reuses the settings that finished (<see cref="FinishedInterventions"/>). Probes are relative
/// (mine/theirs/empty) probes at every edited layer: linear for the probe-direction edit, linear or MLP (as the settings
/// say) for the gradient edit.
/// </summary>
public static class InterventionStudy
{
    /// <summary>Runs the study; writes intervention-results.json into <paramref name="folder"/>.</summary>
    /// <param name="settings">What to run.</param>
    /// <param name="folder">Output folder.</param>
    /// <param name="progress">Progress sink.</param>
    /// <param name="probes">Relative probes by kind and layer made earlier; a kind the study needs and this lacks is loaded or trained as the settings say.</param>
    public static InterventionStudyResult Run(InterventionSettings settings, string folder, IProgressSink progress,
                                              IReadOnlyDictionary<ProbeKind, Dictionary<int, BoardProbe>>? probes = null)
    {
        Directory.CreateDirectory(folder);
        using var model = LoadModel(settings.ModelFolder);
        var (games, description) = ProbeGames.Load(settings.ModelFolder, settings.CorpusPath, settings.ProbeGames + 2 * settings.Cases);
        if (settings.StartLayers.Count == 0) throw new WorldProbeException("--start-layers: give at least one layer Ls.");
        foreach (int start in settings.StartLayers)
            if (start < 0 || start > model.Config.NLayers)
                throw new WorldProbeException($"--start-layers: layer {start} does not exist; this model has layers 0..{model.Config.NLayers}.");
        var tileEdits = settings.TileEdits ?? [TileEdit.Flip];
        if (tileEdits.Count == 0) throw new WorldProbeException("--edits: give flip, erase or both.");
        var gradientProbes = settings.GradientProbeKinds;
        if (gradientProbes.Count == 0) throw new WorldProbeException("--gradient-probes: give linear, mlp or both.");
        var trainedHere = new List<BoardProbe>();
        var probesByKind = new Dictionary<ProbeKind, Dictionary<int, BoardProbe>>();
        foreach (var kind in settings.RelativeProbeKinds)
        {
            if (probes is not null && probes.TryGetValue(kind, out var given)) { probesByKind[kind] = given; continue; }
            probesByKind[kind] = RelativeProbes(model, games.Take(settings.ProbeGames).ToList(), settings.ProbeFolder, settings.StartLayers.Min(), settings.Seed, progress, kind);
            trainedHere.AddRange(probesByKind[kind].Values);
        }
        var finished = FinishedInterventions.Open(folder, settings, probesByKind);
        var benchmarkGames = games.Skip(settings.ProbeGames).ToList();
        var edits = gradientProbes.SelectMany(kind => settings.Betas.Select(b => (Edit: (IResidualEdit)new GradientEdit(b, Steps: settings.Steps), Probe: kind)))
            .Concat(settings.Alphas.Select(a => (Edit: (IResidualEdit)new ProbeDirectionEdit(a), Probe: ProbeKind.Linear))).ToList();
        var rows = new List<InterventionResult>();
        var caseCounts = new Dictionary<string, int>();
        var nullOriginal = new Dictionary<string, double>();
        using var task = progress.Start("interventions", tileEdits.Count * settings.StartLayers.Count * edits.Count, "settings");
        foreach (var tileEdit in tileEdits)
        {
            var cases = InterventionBenchmark.Create(benchmarkGames, settings.Cases, settings.Seed, tileEdit);
            if (cases.Count == 0) throw new WorldProbeException($"--cases: no benchmark case could be drawn from {benchmarkGames.Count} games; use more games.");
            string name = tileEdit.Name();
            caseCounts[name] = cases.Count;
            var watch = Stopwatch.StartNew();
            using var unedited = InterventionRunner.MoveProbabilities(model, cases.Select(c => c.Prefix).ToList());
            double[] originalErrors = Errors(unedited, cases, edited: false);
            nullOriginal[name] = originalErrors.Average();
            var baseline = new Baseline(Errors(unedited, cases, edited: true),
                Enumerable.Range(0, cases.Count).Where(i => originalErrors[i] == 0).ToArray());
            rows.Add(Row(name, "none (null baseline)", "-", null, null, baseline.Errors, baseline, null, watch));
            foreach (int start in settings.StartLayers)
                foreach (var (edit, probe) in edits)
                {
                    var (method, parameter) = Describe(edit);
                    var row = finished.Find(name, method, probe.Name(), start, parameter);
                    if (row is null)
                    {
                        row = Intervene(model, probesByKind[probe], probe, cases, baseline, start, edit, name);
                        finished.Record(row);
                    }
                    rows.Add(row);
                    task.Advance(1);
                }
        }
        foreach (var probe in trainedHere) probe.Dispose();
        var result = new InterventionStudyResult(description, caseCounts, nullOriginal, rows);
        AtomicFile.WriteAllText(Path.Combine(folder, "intervention-results.json"), JsonSerializer.Serialize(result, RunManifest.Json));
        return result;
    }

    /// <summary>The null baseline's per-case errors, and which cases the unedited model gets exactly right.</summary>
    sealed record Baseline(double[] Errors, int[] Competent);

    static InterventionResult Intervene(Transformer model, IReadOnlyDictionary<int, BoardProbe> probes, ProbeKind probeKind, List<InterventionCase> cases,
                                        Baseline baseline, int start, IResidualEdit edit, string tileEdit)
    {
        var used = probes.Where(p => p.Key >= start).ToDictionary(p => p.Key, p => p.Value);
        if (used.Count != model.Config.NLayers + 1 - start)
            throw new WorldProbeException($"--start-layers {start}: probes are missing for some of layers {start}..{model.Config.NLayers}.");
        long[] squares = cases.Select(c => (long)c.Square).ToArray();
        long[] currents = cases.Select(c => (long)c.CurrentClass).ToArray();
        long[] targets = cases.Select(c => (long)c.TargetClass).ToArray();
        var watch = Stopwatch.StartNew();
        double flipRate = double.NaN;
        int lastLayer = used.Keys.Max();
        using var probabilities = InterventionRunner.MoveProbabilities(model, cases.Select(c => c.Prefix).ToList(), edit, used, squares, currents, targets, (layer, edited) =>
        {
            if (layer == lastLayer) flipRate = ReadsTarget(used[layer], edited, squares, targets);
        });
        var (method, parameter) = Describe(edit);
        return Row(tileEdit, method, probeKind.Name(), start, parameter, Errors(probabilities, cases, edited: true), baseline, flipRate, watch);
    }

    /// <summary>The method's name in the table and its beta or alpha.</summary>
    static (string Method, double Parameter) Describe(IResidualEdit edit) => edit switch
    {
        GradientEdit g => ("gradient (Li et al.)", g.Beta),
        ProbeDirectionEdit d => ("probe direction (Nanda et al.)", d.Alpha),
        _ => (edit.Description, double.NaN),
    };

    /// <summary>Loads an Othello-GPT in eval mode; a missing folder or another architecture is a user error.</summary>
    public static Transformer LoadModel(string folder)
    {
        if (!File.Exists(Path.Combine(folder, "config.json")))
            throw new WorldProbeException($"--model {folder}: no config.json there; give an Othello-GPT folder (config.json + model.safetensors) from worldprobe othello train.");
        var model = TransformerLoader.Load(folder);
        if (model.Config.Architecture != OthelloGptConfig.ModelType)
        {
            model.Dispose();
            throw new WorldProbeException($"--model {folder}: holds a {model.Config.Architecture} model; this needs an Othello-GPT.");
        }
        model.eval();
        return model;
    }

    /// <summary>
    /// Relative probes of <paramref name="kind"/> at layers <paramref name="firstLayer"/>..n_layers: loaded from <paramref name="probeFolder"/>
    /// (files trained-relative-KIND-layerJ from worldprobe othello probe) or trained here on <paramref name="games"/>.
    /// </summary>
    public static Dictionary<int, BoardProbe> RelativeProbes(Transformer model, List<byte[]> games, string? probeFolder, int firstLayer, long seed, IProgressSink progress,
                                                             ProbeKind kind = ProbeKind.Linear)
    {
        if (firstLayer < 0 || firstLayer > model.Config.NLayers)
            throw new WorldProbeException($"layer {firstLayer} does not exist; this model has layers 0..{model.Config.NLayers}.");
        var layers = Enumerable.Range(firstLayer, model.Config.NLayers + 1 - firstLayer).ToArray();
        if (probeFolder is not null)
            return layers.ToDictionary(l => l, l => BoardProbe.Load(Path.Combine(probeFolder, ProbeStudy.ProbeFileName("trained", ProbeTarget.Relative, kind, l))));
        using var data = ActivationDataset.Extract(model, games, layers, progress);
        var options = new ProbeTrainingOptions(Seed: seed);
        var split = GameRowSplit.Create(data.GameOf, data.Games, options.ValidationFraction, options.TestFraction, seed);
        return layers.ToDictionary(l => l, l => ProbeTrainer.Train(data, l, ProbeTarget.Relative, kind, split, options, progress).Probe);
    }

    /// <summary>Share of rows whose square <paramref name="probe"/> reads as its target class.</summary>
    public static double ReadsTarget(BoardProbe probe, Tensor vectors, long[] squares, long[] targets)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var read = probe.forward(vectors).argmax(-1)[arange(squares.Length), tensor(squares)];
        return read.eq(tensor(targets)).to(ScalarType.Float32).mean().item<float>();
    }

    static double[] Errors(Tensor probabilities, List<InterventionCase> cases, bool edited)
    {
        float[] values = probabilities.data<float>().ToArray();
        return cases.Select((c, i) => (double)InterventionRunner.SymmetricDifference(values.AsSpan(i * Square.Count, Square.Count),
            edited ? c.EditedLegal : c.OriginalLegal)).ToArray();
    }

    static InterventionResult Row(string tileEdit, string method, string probe, int? start, double? parameter, double[] errors, Baseline baseline, double? flipRate, Stopwatch watch)
    {
        var all = InterventionErrors.Create(errors, baseline.Errors);
        var competent = InterventionErrors.Create(baseline.Competent.Select(i => errors[i]).ToArray(), baseline.Competent.Select(i => baseline.Errors[i]).ToArray());
        return new InterventionResult(tileEdit, method, probe, start, parameter, all, competent, flipRate, watch.Elapsed.TotalSeconds);
    }

    /// <summary>Adds the intervention table to <paramref name="report"/>.</summary>
    public static void Report(InterventionStudyResult result, HtmlReport report)
    {
        string counts = string.Join(", ", result.Cases.Select(c => $"{c.Value} for {c.Key}"));
        string baselines = string.Join(", ", result.NullErrorOriginal.Select(c => $"{F(c.Value)} ({c.Key} cases)"));
        string competent = string.Join(", ", result.Rows.Where(r => r.StartLayer is null).Select(r => $"{r.Competent.Cases} of {r.All.Cases} ({r.TileEdit})"));
        report.Heading("Interventions")
              .Paragraph($"Natural positions from {result.Games} ({counts}; prefixes of 5-30 moves). Per case one occupied square other than the " +
                         "last move is edited: flip = its disc changes colour (mine <-> theirs), erase = its disc is removed; only squares whose edit " +
                         "changes the legal moves are drawn. Error = size of the symmetric difference between the model's top-N moves and the edited " +
                         "board's N legal moves; 95% intervals by bootstrap over cases; x null = the null baseline's error over this setting's on the " +
                         $"same cases (paired bootstrap). Unedited model against the unedited board: {baselines}. \"Competent\" cases are those whose " +
                         $"unedited position the unedited model gets exactly right ({competent}): elsewhere even a perfect edit is scored against " +
                         "the model's own mistakes.")
              .Table(["edit", "method", "probe", "Ls (edits layers Ls..n)", "beta / alpha", "all cases: error", "95% CI", "x null",
                      "competent: error", "95% CI", "x null", "95% CI", "probe reads the edit", "seconds"],
                     result.Rows.Select(r => (IReadOnlyList<string>)[r.TileEdit, r.Method, r.Probe, r.StartLayer?.ToString(CultureInfo.InvariantCulture) ?? "-",
                         r.Parameter is double p ? F(p) : "-", F(r.All.Mean), $"{F(r.All.Low)} - {F(r.All.High)}", F(r.All.NullRatio),
                         F(r.Competent.Mean), $"{F(r.Competent.Low)} - {F(r.Competent.High)}", F(r.Competent.NullRatio),
                         $"{F(r.Competent.NullRatioLow)} - {F(r.Competent.NullRatioHigh)}",
                         r.FlipRate is double f ? (100 * f).ToString("F1", CultureInfo.InvariantCulture) + "%" : "-",
                         r.Seconds.ToString("F1", CultureInfo.InvariantCulture)]));
    }

    static string F(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
