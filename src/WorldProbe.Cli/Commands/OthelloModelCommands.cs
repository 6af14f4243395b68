using System.CommandLine;
using System.Runtime.InteropServices;
using Spectre.Console;
using WorldProbe.Cli.Console;
using WorldProbe.Compute;
using WorldProbe.Othello;
using WorldProbe.Othello.Evaluation;
using WorldProbe.Othello.Release;
using WorldProbe.Othello.Training;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe othello train|eval|release`: Othello-GPT training, its legal-move error, and packing a model for users.</summary>
public static class OthelloModelCommands
{
    /// <summary>`othello train`.</summary>
    public static Command CreateTrain()
    {
        var corpora = new Option<string[]>("--corpus") { Description = "Corpus files to train on (worldprobe othello generate/import). On --resume, optional: the run's own files by default.", AllowMultipleArgumentsPerToken = true };
        var preset = new Option<string>("--preset")
        {
            Description = "paper: 8 layers x 512 (25.3M parameters), 64 games/step; small: 6 x 256, 64 games/step, the best model for ~8 CPU-hours here; tiny: 2 x 64, 16 games/step, for tests.",
            DefaultValueFactory = _ => "small",
        };
        var output = new Option<string>("--out") { Description = "Training folder: exported model (config.json, model.safetensors), checkpoints, state.", Required = true };
        var steps = new Option<long?>("--steps") { Description = "Optimizer steps of the whole run (default: the preset's). The learning-rate schedule spans them." };
        var resume = new Option<bool>("--resume") { Description = "Continue the run in --out exactly where its last checkpoint stopped." };
        var heldOut = new Option<long>("--held-out") { Description = "Games held out (random, by game) for evaluation; at most a tenth of the corpus.", DefaultValueFactory = _ => 10_000 };
        var checkpointMinutes = new Option<double>("--checkpoint-minutes") { Description = "Minutes between checkpoints (a killed run loses at most this much).", DefaultValueFactory = _ => 5 };
        var evaluateEvery = new Option<long>("--eval-every") { Description = "Steps between learning-curve points (strict error on 1,000 held-out games).", DefaultValueFactory = _ => 1000 };
        var computeDType = new Option<string>("--compute-dtype")
        {
            Description = "fp32, or bf16: forward and backward in bfloat16 with float32 master weights and optimizer.",
            DefaultValueFactory = _ => "fp32",
        };
        var threads = new Option<int?>("--threads") { Description = "libtorch threads (default: all cores). One thread per core of budget is the most efficient per CPU-hour." };
        var seed = CommonOptions.Seed();
        var device = CommonOptions.Device();
        var command = new Command("train", "Train an Othello-GPT to predict legal next moves (Li et al.'s minGPT recipe: AdamW 5e-4, betas 0.9/0.95, weight decay 0.1 on weights, clip 1.0, warm-up then cosine to 0.1x).")
        {
            corpora, preset, output, steps, resume, heldOut, checkpointMinutes, evaluateEvery, computeDType, threads, seed, device,
        };
        CommandAction.Set(command, parse =>
        {
            string folder = parse.GetValue(output)!;
            if (parse.GetValue(threads) is int count) TorchSharp.torch.set_num_threads(Math.Max(1, count));
            var options = new OthelloTrainingOptions(
                parse.GetValue(corpora) ?? [],
                OthelloTrainingPreset.Named(parse.GetValue(preset)!),
                folder,
                parse.GetValue(steps),
                parse.GetValue(resume),
                parse.GetValue(seed),
                parse.GetValue(heldOut),
                TimeSpan.FromMinutes(parse.GetValue(checkpointMinutes)),
                parse.GetValue(evaluateEvery),
                ComputeDType: parse.GetValue(computeDType) switch
                {
                    "fp32" or "float32" => TorchSharp.torch.ScalarType.Float32,
                    "bf16" or "bfloat16" => TorchSharp.torch.ScalarType.BFloat16,
                    var other => throw new WorldProbeException($"--compute-dtype {other}: use fp32 or bf16."),
                },
                Device: TorchRuntime.ParseDevice(parse.GetValue(device)!));
            if (!options.Resume && options.Corpora.Count == 0)
                throw new WorldProbeException("--corpus: give the corpus files to train on.");
            using var stop = new CancellationTokenSource();
            // Ctrl-C, or SIGINT/SIGTERM from a job scheduler (a background shell ignores SIGINT): checkpoint, then stop.
            void RequestStop(PosixSignalContext context)
            {
                context.Cancel = true;
                stop.Cancel();
                CommandAction.Error.MarkupLine("[yellow]stopping after a checkpoint...[/]");
            }
            using var onInterrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, RequestStop);
            using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, RequestStop);
            Directory.CreateDirectory(folder);
            var state = RunManifest.Around(folder, isFolder: true, CommonOptions.CommandLine, options.Seed,
                () => ConsoleProgress.Run(progress => new OthelloTrainer(options).Run(progress, stop.Token)));
            var last = state.Curve.LastOrDefault();
            System.Console.Out.WriteLine($"step {state.Step}/{state.TotalSteps}, {state.Tokens:N0} tokens, {state.WallSeconds / 3600:F2} h; " +
                                         (last is null ? "" : $"strict error {last.StrictError:P2} on {options.CurveGames} held-out games; ") +
                                         $"model in {folder}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>--model: an Othello-GPT folder, by default the shipped one.</summary>
    internal static Option<string> ModelOption() => new("--model")
    {
        Description = $"Othello-GPT folder (config.json + model.safetensors, from othello train or othello release). Default: the shipped {ShippedOthelloModel.RelativePath}.",
        DefaultValueFactory = _ => ShippedOthelloModel.Folder,
    };

    /// <summary>`othello eval`.</summary>
    public static Command CreateEval()
    {
        var model = ModelOption();
        var corpus = new Option<string?>("--corpus") { Description = "Corpus file to score every game of (default: the held-out games the training recorded)." };
        var games = new Option<long?>("--games") { Description = "Score only the first N games." };
        var opening = new Option<string?>("--opening") { Description = "Score only games that open with this move (d3, c4, f5 or e6): the opening-holdout experiment." };
        var json = CommonOptions.Json();
        var device = CommonOptions.Device();
        var command = new Command("eval",
            "Top-1 legal-move error over every prefix of the games: strict (legal for the side that moves next, after any forced pass) " +
            "and the original's lenient rule (legal for either side), plus the top-N set match; beside an untrained model of the same shape.")
        {
            model, corpus, games, opening, json, device,
        };
        CommandAction.Set(command, parse =>
        {
            var dev = TorchRuntime.ParseDevice(parse.GetValue(device)!);
            int? first = parse.GetValue(opening) is { } openingName ? Square.Parse(openingName, where: "--opening") : null;
            if (first is int square && Square.Name(square) is not ("d3" or "c4" or "f5" or "e6"))
                throw new WorldProbeException($"--opening {Square.Name(square)}: the first move of a game is d3, c4, f5 or e6.");
            var report = ConsoleProgress.Run(progress => ModelLegalityReport.Measure(parse.GetValue(model)!, parse.GetValue(corpus), parse.GetValue(games), dev, progress, first));
            if (parse.GetValue(json)) CommonOptions.PrintJson(report);
            else
            {
                System.Console.Out.WriteLine($"{report.Model} on {report.Games}");
                System.Console.Out.WriteLine($"{"model",-10} {"predictions",12} {"strict error",13} {"lenient error",14} {"top-N set match",16}");
                foreach (var (name, score) in new[] { ("trained", report.Trained), ("untrained", report.Untrained) })
                    System.Console.Out.WriteLine($"{name,-10} {score.Predictions,12:N0} {score.StrictError,13:P3} {score.LenientError,14:P3} {score.SetMatch,16:P2}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>`othello release`.</summary>
    public static Command CreateRelease()
    {
        var run = new Option<string>("--run") { Description = "Training folder (from othello train); its newest checkpoint is released.", Required = true };
        var output = new Option<string>("--out") { Description = "Released model folder (replaced whole), e.g. models/othello-gpt-small.", Required = true };
        var evalGames = new Option<long>("--eval-games") { Description = "Held-out synthetic games scored for the card.", DefaultValueFactory = _ => 10_000 };
        var championship = new Option<string?>("--championship") { Description = "Championship corpus (from othello import) scored in full for the card." };
        var threads = new Option<int>("--threads") { Description = "libtorch threads.", DefaultValueFactory = _ => 1 };
        var command = new Command("release",
            "Pack a training run as a model for users: float16 weights + config.json, its held-out games, the learning curve, and a model card " +
            "(README.md, card.json) with the legal-move error measured on the released weights.")
        {
            run, output, evalGames, championship, threads,
        };
        CommandAction.Set(command, parse =>
        {
            TorchSharp.torch.set_num_threads(Math.Max(1, parse.GetValue(threads)));
            string? champion = parse.GetValue(championship);
            if (champion is not null && !File.Exists(champion))
                throw new WorldProbeException($"--championship {champion}: file not found; make it with worldprobe othello import data/othello/eothello_games.csv --out FILE.");
            var settings = new ModelReleaseSettings(parse.GetValue(run)!, parse.GetValue(output)!, parse.GetValue(evalGames), champion);
            var result = ConsoleProgress.Run(progress => ModelRelease.Create(settings, progress));
            System.Console.Out.WriteLine($"{settings.OutFolder}: step {result.Step:N0}, {result.WeightBytes / 1e6:F1} MB; strict error {result.HeldOut.Trained.StrictError:P3} " +
                                         $"on {result.HeldOut.Games}" + (result.Championship is { } c ? $", {c.Trained.StrictError:P3} on {c.Games}" : ""));
            return ExitCodes.Ok;
        });
        return command;
    }
}
