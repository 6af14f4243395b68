using System.CommandLine;
using System.Diagnostics;
using WorldProbe.Othello;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe othello ...`: the exact engine, game corpora and their checks.</summary>
public static class OthelloCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create() => new("othello", "Othello engine and game corpora: perft, synthetic games, championship imports.")
    {
        CreatePerft(),
    };

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
