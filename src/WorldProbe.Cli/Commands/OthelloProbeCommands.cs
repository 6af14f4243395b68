using System.CommandLine;
using System.Globalization;
using WorldProbe.Cli.Console;
using WorldProbe.Interventions;
using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe othello probe|intervene|saliency|world-model`: the Othello world-model study.</summary>
public static class OthelloProbeCommands
{
    static Option<string> ModelOption() => OthelloModelCommands.ModelOption();
    static Option<string?> CorpusOption() => new("--corpus") { Description = "Corpus file (default: the model's recorded held-out games; its training corpus also means those)." };
    static Option<string?> OutOption(string kind) => new("--out") { Description = $"Output folder (default: runs/{kind}/<time>)." };
    static Option<int> ThreadsOption() => new("--threads") { Description = "libtorch threads; probes then train this many at a time, one thread each.", DefaultValueFactory = _ => 1 };

    static void SetThreads(int threads) => TorchSharp.torch.set_num_threads(Math.Max(1, threads));

    static IReadOnlyList<int>? ParseLayers(string? text) => string.IsNullOrWhiteSpace(text) ? null
        : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t =>
            int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int layer) ? layer
                : throw new WorldProbeException($"--layers: '{t}' is not a layer number; give a comma-separated list such as 0,2,4,6.")).ToArray();

    static IReadOnlyList<double> ParseNumbers(string text, string option) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(t =>
            double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value
                : throw new WorldProbeException($"{option}: '{t}' is not a number; give a comma-separated list.")).ToArray();

    /// <summary>`othello probe`.</summary>
    public static Command CreateProbe()
    {
        var model = ModelOption();
        var corpus = CorpusOption();
        var target = new Option<string>("--target") { Description = "absolute (black/white/empty), relative (mine/theirs/empty; mine = the player to move next), flipped or legal.", Required = true };
        var probe = new Option<string>("--probe") { Description = "linear or mlp (hidden 128).", DefaultValueFactory = _ => "linear" };
        var layers = new Option<string?>("--layers") { Description = "Comma-separated layers (default: all, 0..n_layers; layer j = after j blocks)." };
        var games = new Option<int>("--games") { Description = "Games to extract (split by game 70/10/20 into training, validation, test).", DefaultValueFactory = _ => 2000 };
        var noRandom = new Option<bool>("--no-random-baseline") { Description = "Skip the randomly initialised model of the same shape." };
        var epochs = EpochsOption();
        var output = OutOption("othello-probe");
        var threads = ThreadsOption();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("probe", "Train board-state probes on every layer's residual stream (and on a random model of the same shape); writes probes (safetensors + JSON), charts and report.html.")
        {
            model, corpus, target, probe, layers, games, noRandom, epochs, output, threads, seed, json,
        };
        CommandAction.Set(command, parse =>
        {
            SetThreads(parse.GetValue(threads));
            var settings = new ProbeStudySettings(parse.GetValue(model)!, parse.GetValue(corpus), parse.GetValue(games), ParseLayers(parse.GetValue(layers)),
                [ProbeTargets.Parse(parse.GetValue(target)!)], [ProbeKinds.Parse(parse.GetValue(probe)!)], !parse.GetValue(noRandom),
                TrainingOptions(parse.GetValue(epochs), parse.GetValue(seed)), Workers: parse.GetValue(threads));
            string folder = parse.GetValue(output) ?? RunFolder.CreateNew("othello-probe");
            var result = RunManifest.Around(folder, isFolder: true, CommonOptions.CommandLine, parse.GetValue(seed), () =>
            {
                var study = ConsoleProgress.Run(progress => ProbeStudy.Run(settings, folder, progress));
                var report = new HtmlReport("Othello-GPT board probes");
                ProbeStudy.Report(study, folder, report);
                report.Save(Path.Combine(folder, "report.html"));
                return study;
            });
            if (parse.GetValue(json)) CommonOptions.PrintJson(result);
            else
            {
                System.Console.Out.WriteLine($"{result.Positions:N0} positions per layer from {result.Games}");
                System.Console.Out.WriteLine($"{"model",-8} {"probe",-7} {"target",-9} {"layer",5} {"accuracy",9} {"95% CI",17} {"majority",9} {"balanced",9}");
                foreach (var r in result.Results)
                    System.Console.Out.WriteLine($"{r.Model,-8} {r.Kind,-7} {r.Target,-9} {r.Layer,5} {r.Accuracy,9:P2} {r.Low,8:P2}-{r.High,-8:P2} {r.MajorityAccuracy,9:P2} {r.Balanced.Estimate,9:P2}");
                System.Console.Out.WriteLine($"report: {Path.Combine(folder, "report.html")}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static (Option<string> Model, Option<string?> Corpus, Option<int> ProbeGames, Option<string?> Probes, Option<long> Seed) InterventionOptions() =>
        (ModelOption(), CorpusOption(),
         new Option<int>("--probe-games") { Description = "Held-out games to train the relative probes on (unless --probes).", DefaultValueFactory = _ => 2000 },
         new Option<string?>("--probes") { Description = "Folder of probes from othello probe --target relative (its probes/ folder; --probe mlp too for --gradient-probes mlp)." },
         CommonOptions.Seed());

    static Option<string> TileEditsOption() =>
        new("--edits") { Description = "Tile edits to benchmark: flip (mine <-> theirs), erase (to empty), or both (flip,erase).", DefaultValueFactory = _ => "flip,erase" };

    static Option<int> EpochsOption() => new("--epochs")
    {
        Description = "Most passes over the probes' training positions (each probe stops early once its validation loss stops falling).",
        DefaultValueFactory = _ => new ProbeTrainingOptions().MaxEpochs,
    };

    static ProbeTrainingOptions TrainingOptions(int epochs, long seed) => epochs >= 1
        ? new ProbeTrainingOptions(MaxEpochs: epochs, Seed: seed)
        : throw new WorldProbeException($"--epochs {epochs}: use 1 or more.");

    static IReadOnlyList<TileEdit> ParseTileEdits(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(TileEdits.Parse).Distinct().ToArray();

    static Option<string> GradientProbesOption(string defaultValue) => new("--gradient-probes")
    {
        Description = "Relative probes Li et al.'s gradient edit descends on: linear, mlp (their choice), or both (linear,mlp).",
        DefaultValueFactory = _ => defaultValue,
    };

    static IReadOnlyList<ProbeKind> ParseProbeKinds(string value, string option)
    {
        var kinds = value.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(k => ProbeKinds.Parse(k, option)).Distinct().ToArray();
        return kinds.Length > 0 ? kinds : throw new WorldProbeException($"{option}: give linear, mlp or linear,mlp.");
    }

    /// <summary>`othello intervene`.</summary>
    public static Command CreateIntervene()
    {
        var (model, corpus, probeGames, probes, seed) = InterventionOptions();
        var cases = new Option<int>("--cases") { Description = "Benchmark positions (prefixes of 5-30 moves).", DefaultValueFactory = _ => 1000 };
        var starts = new Option<string>("--start-layers") { Description = "Ls values: edit layers Ls..n_layers.", DefaultValueFactory = _ => "2,3,4" };
        var betas = new Option<string>("--betas") { Description = "Li et al.'s gradient edit: weights on keeping the other squares (empty: skip).", DefaultValueFactory = _ => "0,0.2" };
        var alphas = new Option<string>("--alphas") { Description = "Nanda et al.'s probe-direction edit: step lengths (empty: skip).", DefaultValueFactory = _ => "2,4,8" };
        var steps = new Option<int>("--steps") { Description = "Most Adam steps per gradient edit (lr 1e-3).", DefaultValueFactory = _ => 1000 };
        var tileEdits = TileEditsOption();
        var gradientProbes = GradientProbesOption("linear");
        var output = OutOption("othello-intervene");
        var threads = ThreadsOption();
        var json = CommonOptions.Json();
        var command = new Command("intervene", "Edit the model's latent board (Li et al.'s gradient edit, Nanda et al.'s probe direction) and score its next-move predictions against the edited board.")
        {
            model, corpus, probeGames, probes, cases, starts, betas, alphas, steps, tileEdits, gradientProbes, output, threads, seed, json,
        };
        CommandAction.Set(command, parse =>
        {
            SetThreads(parse.GetValue(threads));
            var settings = new InterventionSettings(parse.GetValue(model)!, parse.GetValue(corpus), parse.GetValue(probeGames), parse.GetValue(cases),
                ParseLayers(parse.GetValue(starts)) ?? [], ParseNumbers(parse.GetValue(betas)!, "--betas"), ParseNumbers(parse.GetValue(alphas)!, "--alphas"),
                parse.GetValue(steps), parse.GetValue(probes), parse.GetValue(seed), ParseTileEdits(parse.GetValue(tileEdits)!),
                ParseProbeKinds(parse.GetValue(gradientProbes)!, "--gradient-probes"));
            string folder = parse.GetValue(output) ?? RunFolder.CreateNew("othello-intervene");
            var result = RunManifest.Around(folder, isFolder: true, CommonOptions.CommandLine, parse.GetValue(seed), () =>
            {
                var study = ConsoleProgress.Run(progress => InterventionStudy.Run(settings, folder, progress));
                var report = new HtmlReport("Othello-GPT interventions");
                InterventionStudy.Report(study, report);
                report.Save(Path.Combine(folder, "report.html"));
                return study;
            });
            if (parse.GetValue(json)) CommonOptions.PrintJson(result);
            else
            {
                foreach (var (edit, count) in result.Cases)
                    System.Console.Out.WriteLine($"{edit}: {count} cases from {result.Games}; unedited model vs unedited board: {result.NullErrorOriginal[edit]:F3}");
                foreach (var r in result.Rows)
                    System.Console.Out.WriteLine($"{r.TileEdit,-5} {r.Method,-32} {r.Probe,-6} Ls {r.StartLayer?.ToString(CultureInfo.InvariantCulture) ?? "-",2} param {r.Parameter?.ToString(CultureInfo.InvariantCulture) ?? "-",5} " +
                        $"error {r.All.Mean:F3} [{r.All.Low:F3}, {r.All.High:F3}] x{r.All.NullRatio:F2} | competent ({r.Competent.Cases}) {r.Competent.Mean:F3} [{r.Competent.Low:F3}, {r.Competent.High:F3}] " +
                        $"x{r.Competent.NullRatio:F2} [{r.Competent.NullRatioLow:F2}, {r.Competent.NullRatioHigh:F2}] flip read {(r.FlipRate is double f ? f.ToString("P1", CultureInfo.InvariantCulture) : "-")}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`othello saliency`.</summary>
    public static Command CreateSaliency()
    {
        var (model, corpus, probeGames, probes, seed) = InterventionOptions();
        var game = new Option<int>("--game") { Description = "Which game (index among the games after the probe games).", DefaultValueFactory = _ => 0 };
        var moves = new Option<int>("--moves") { Description = "Prefix length: the position after this many moves.", DefaultValueFactory = _ => 20 };
        var start = new Option<int>("--start-layer") { Description = "Edit layers Ls..n_layers.", DefaultValueFactory = _ => 3 };
        var alpha = new Option<double>("--alpha") { Description = "Probe-direction step length.", DefaultValueFactory = _ => 8 };
        var output = OutOption("othello-saliency");
        var threads = ThreadsOption();
        var command = new Command("saliency", "Latent saliency board: flip each occupied square in the model's latent board and draw the drop in the predicted move's probability.")
        {
            model, corpus, probeGames, probes, game, moves, start, alpha, output, threads, seed,
        };
        CommandAction.Set(command, parse =>
        {
            SetThreads(parse.GetValue(threads));
            string folder = parse.GetValue(output) ?? RunFolder.CreateNew("othello-saliency");
            Directory.CreateDirectory(folder);
            string png = ConsoleProgress.Run(progress =>
            {
                using var network = InterventionStudy.LoadModel(parse.GetValue(model)!);
                int train = parse.GetValue(probeGames);
                var (games, _) = ProbeGames.Load(parse.GetValue(model)!, parse.GetValue(corpus), train + parse.GetValue(game) + 1);
                if (games.Count <= train + parse.GetValue(game)) throw new WorldProbeException($"--game {parse.GetValue(game)}: only {games.Count - train} games after the probe games.");
                var moves_ = games[train + parse.GetValue(game)];
                int length = Math.Clamp(parse.GetValue(moves), 1, moves_.Length);
                var layerProbes = InterventionStudy.RelativeProbes(network, games.Take(train).ToList(), parse.GetValue(probes), parse.GetValue(start), parse.GetValue(seed), progress);
                var board = LatentSaliency.Compute(network, moves_[..length], new ProbeDirectionEdit(parse.GetValue(alpha)), layerProbes);
                return board.Save(Path.Combine(folder, "saliency"));
            });
            System.Console.Out.WriteLine($"saliency board: {png}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`othello world-model`.</summary>
    public static Command CreateWorldModel()
    {
        var model = ModelOption();
        var corpus = CorpusOption();
        var games = new Option<int>("--games") { Description = "Games for the probes (all targets, linear and MLP, trained and random model, all layers).", DefaultValueFactory = _ => 2000 };
        var cases = new Option<int>("--cases") { Description = "Intervention benchmark positions.", DefaultValueFactory = _ => 1000 };
        var steps = new Option<int>("--steps") { Description = "Most Adam steps per gradient edit.", DefaultValueFactory = _ => 1000 };
        var tileEdits = TileEditsOption();
        var gradientProbes = GradientProbesOption("linear,mlp");
        var epochs = EpochsOption();
        var output = OutOption("othello-world-model");
        var threads = ThreadsOption();
        var seed = CommonOptions.Seed();
        var command = new Command("world-model", "The whole study in one command: probes for every target, kind and layer, the intervention sweep, saliency boards, one HTML report.")
        {
            model, corpus, games, cases, steps, tileEdits, gradientProbes, epochs, output, threads, seed,
        };
        CommandAction.Set(command, parse =>
        {
            SetThreads(parse.GetValue(threads));
            string folder = parse.GetValue(output) ?? RunFolder.CreateNew("othello-world-model");
            var settings = new WorldModelStudySettings(
                new ProbeStudySettings(parse.GetValue(model)!, parse.GetValue(corpus), parse.GetValue(games), null,
                    [ProbeTarget.Absolute, ProbeTarget.Relative, ProbeTarget.Flipped, ProbeTarget.Legal], [ProbeKind.Linear, ProbeKind.Mlp], true,
                    TrainingOptions(parse.GetValue(epochs), parse.GetValue(seed)), Workers: parse.GetValue(threads)),
                new InterventionSettings(parse.GetValue(model)!, parse.GetValue(corpus), parse.GetValue(games), parse.GetValue(cases), [1, 2, 3, 4], [0, 0.2], [2, 3, 4, 6, 8], parse.GetValue(steps), Seed: parse.GetValue(seed),
                    TileEdits: ParseTileEdits(parse.GetValue(tileEdits)!), GradientProbes: ParseProbeKinds(parse.GetValue(gradientProbes)!, "--gradient-probes")),
                SaliencyBoards: 4, SaliencyStartLayer: 1, SaliencyAlpha: 3);
            RunManifest.Around(folder, isFolder: true, CommonOptions.CommandLine, parse.GetValue(seed), () =>
            {
                var report = new HtmlReport("Othello-GPT world model");
                var seconds = ConsoleProgress.Run(progress => WorldModelStudy.Run(settings, folder, report, progress));
                report.Paragraph("Wall time: " + string.Join(", ", seconds.Select(s => $"{s.Key} {s.Value:F0} s")) + $" on {parse.GetValue(threads)} libtorch thread(s).");
                report.Save(Path.Combine(folder, "report.html"));
                return seconds;
            });
            System.Console.Out.WriteLine($"report: {Path.Combine(folder, "report.html")}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
