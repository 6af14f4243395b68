using System.CommandLine;
using System.Text.Json;
using WorldProbe.Cli.Console;
using WorldProbe.Probing;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe bench`: timings of the numerical cores on synthetic data.</summary>
public static class BenchCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var command = new Command("bench", "Time the numerical cores on synthetic data.");
        command.Subcommands.Add(Ridge());
        return command;
    }

    static Command Ridge()
    {
        var rows = new Option<int>("--rows") { Description = "Rows n.", DefaultValueFactory = _ => 40_000 };
        var features = new Option<int>("--features") { Description = "Features d.", DefaultValueFactory = _ => 4096 };
        var outputs = new Option<int>("--outputs") { Description = "Outputs k.", DefaultValueFactory = _ => 2 };
        var alphas = new Option<int>("--alphas") { Description = "Alphas in the grid 10^0.8..10^4.5.", DefaultValueFactory = _ => 12 };
        var npy = new Option<string?>("--write-npy") { Description = "Also write features.npy and targets.npy here (for bench/compare/ridge_sklearn.py)." };
        var output = new Option<string?>("--out") { Description = "Write the result as JSON to this file too." };
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("ridge", "Time the ridge probe's leave-one-out alpha search (default n = 40,000, d = 4,096, 12 alphas).")
        {
            rows, features, outputs, alphas, npy, output, seed, json,
        };
        CommandAction.Set(command, parse =>
        {
            var settings = new RidgeBenchmarkSettings(parse.GetValue(rows), parse.GetValue(features), parse.GetValue(outputs), parse.GetValue(alphas), parse.GetValue(seed));
            if (settings.Rows < 2 || settings.Features < 1 || settings.Outputs < 1 || settings.AlphaCount < 1)
                throw new WorldProbeException("bench ridge: --rows must be >= 2 and --features, --outputs, --alphas >= 1.");
            var result = ConsoleProgress.Run(progress => RidgeBenchmark.Run(settings, parse.GetValue(npy), progress));
            string? file = parse.GetValue(output);
            if (file is not null) AtomicFile.WriteAllText(file, JsonSerializer.Serialize(result, RunManifest.Json));
            if (parse.GetValue(json)) CommonOptions.PrintJson(result);
            else
            {
                System.Console.Out.WriteLine($"ridge LOOCV n={settings.Rows} d={settings.Features} k={settings.Outputs} alphas={settings.AlphaCount}: " +
                    $"fit {result.FitSeconds:F1} s ({result.Solver}, {result.Threads} threads), data {result.DataSeconds:F1} s");
                System.Console.Out.WriteLine($"phases: product {result.PhaseSeconds.Product:F1} s, eigendecomposition {result.PhaseSeconds.Eigendecomposition:F1} s, leave-one-out {result.PhaseSeconds.LeaveOneOut:F1} s");
                System.Console.Out.WriteLine($"chosen alpha {result.ChosenAlpha:G6}{(result.AlphaOnGridEdge ? " (on the grid's edge)" : "")}");
                for (int i = 0; i < result.Alphas.Length; i++)
                    System.Console.Out.WriteLine($"  alpha {result.Alphas[i],12:G6}  mean LOO squared error {result.MeanLeaveOneOutError[i]:F8}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
