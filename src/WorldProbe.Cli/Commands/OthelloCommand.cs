using System.CommandLine;
using System.Diagnostics;
using WorldProbe.Cli.Console;
using WorldProbe.Othello;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe othello ...`: the exact engine, game corpora and their checks.</summary>
public static class OthelloCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create() => new("othello", "Othello engine and game corpora: perft, synthetic games, championship imports.")
    {
        CreatePerft(),
        CreateGenerate(),
    };

    static Command CreateGenerate()
    {
        var games = new Option<long>("--games") { Description = "Number of games.", Required = true };
        var seed = CommonOptions.Seed();
        var output = new Option<string>("--out") { Description = "Corpus file to write (atomically; see docs/othello-corpus.md).", Required = true };
        var exclude = new Option<string?>("--exclude-opening") { Description = "A first move no game may start with (d3, c4, f5 or e6), for the opening-holdout experiment." };
        var dedup = new Option<bool>("--dedup") { Description = "Skip games equal (under the 4 start-preserving symmetries) to an earlier one; still writes --games games." };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores); the output does not depend on it." };
        var command = new Command("generate",
            "Generate synthetic games as in Li et al.'s code: every move is chosen uniformly at random among the legal moves " +
            "(a side with no move passes; the game ends when neither side can move). Game i depends only on (seed, i).")
        { games, seed, output, exclude, dedup, threads };
        CommandAction.Set(command, parse =>
        {
            var settings = new SyntheticGameSettings
            {
                Games = parse.GetValue(games),
                Seed = parse.GetValue(seed),
                ExcludedOpening = parse.GetValue(exclude) is { } name ? Square.Parse(name, where: "--exclude-opening") : null,
                Deduplicate = parse.GetValue(dedup),
                Threads = parse.GetValue(threads),
            };
            string path = parse.GetValue(output)!;
            var watch = Stopwatch.StartNew();
            var stored = ConsoleProgress.Run(progress => SyntheticGameGenerator.Generate(settings, path, progress));
            double seconds = watch.Elapsed.TotalSeconds;
            System.Console.Error.WriteLine($"{stored["games"]} games, {stored["moves"]} moves in {seconds:F1} s " +
                                           $"({settings.Games / seconds:F0} games/s) -> {path}");
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command CreatePerft()
    {
        var depth = new Option<int>("--depth") { Description = "Deepest depth to count (1..20).", DefaultValueFactory = _ => 9 };
        var threads = new Option<int?>("--threads") { Description = "Worker threads (default: all cores)." };
        var command = new Command("perft",
            "Count leaves of the game tree from the start position for depths 1..N (a pass is a ply; a finished game is one " +
            "leaf at every deeper depth). Prints `depth count` per line, and compares with the published numbers on stderr.")
        { depth, threads };
        CommandAction.Set(command, parse =>
        {
            int maxDepth = parse.GetValue(depth);
            if (maxDepth is < 1 or > 20) throw new WorldProbeException($"--depth {maxDepth}: choose a depth from 1 to 20.");
            bool allMatch = true;
            for (int d = 1; d <= maxDepth; d++)
            {
                var watch = Stopwatch.StartNew();
                long count = Perft.CountParallel(d, parse.GetValue(threads));
                System.Console.Out.WriteLine($"{d} {count}");
                string verdict = d <= Perft.Published.Count
                    ? (count == Perft.Published[d - 1] ? "matches the published count" : $"DIFFERS from the published {Perft.Published[d - 1]}")
                    : "no published count";
                allMatch &= d > Perft.Published.Count || count == Perft.Published[d - 1];
                System.Console.Error.WriteLine($"  depth {d}: {watch.Elapsed.TotalSeconds:F3} s, {verdict}");
            }
            return allMatch ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }
}
