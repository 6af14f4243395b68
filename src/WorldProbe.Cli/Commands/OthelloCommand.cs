using System.CommandLine;
using System.Diagnostics;
using WorldProbe.Cli.Console;
using WorldProbe.Othello;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe othello ...`: the exact engine, game corpora and their checks.</summary>
public static class OthelloCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create() => new("othello", "Othello engine and game corpora: perft, synthetic games, championship imports.")
    {
        CreatePerft(),
        CreateGenerate(),
        CreateImport(),
        CreateInfo(),
        CreateExport(),
        OthelloModelCommands.CreateTrain(),
        OthelloModelCommands.CreateEval(),
        OthelloModelCommands.CreateRelease(),
        OthelloProbeCommands.CreateProbe(),
        OthelloProbeCommands.CreateIntervene(),
        OthelloProbeCommands.CreateSaliency(),
        OthelloProbeCommands.CreateWorldModel(),
    };

    static Command CreateExport()
    {
        var file = new Argument<string>("corpus") { Description = "A corpus file written by generate or import." };
        var output = new Option<string>("--wthor") { Description = "WTHOR database (.wtb) to write.", Required = true };
        var year = new Option<int>("--year") { Description = "Year of the games, stored in the WTHOR header.", DefaultValueFactory = _ => DateTime.UtcNow.Year };
        var command = new Command("export", "Write a corpus's games as a WTHOR database (.wtb), for other Othello tools.") { file, output, year };
        CommandAction.Set(command, parse =>
        {
            using var corpus = GameCorpus.Open(parse.GetValue(file)!);
            int games = WthorExport.Write(corpus, parse.GetValue(output)!, (ushort)Math.Clamp(parse.GetValue(year), 0, ushort.MaxValue));
            System.Console.Out.WriteLine($"wrote {games} games to {parse.GetValue(output)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command CreateImport()
    {
        var inputs = new Argument<string[]>("inputs") { Description = "WTHOR databases (.wtb, names from .jou/.trn beside them) and transcript CSV files, or folders of them.", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--out") { Description = "Corpus file to write (atomically).", Required = true };
        var dedup = new Option<bool>("--dedup") { Description = "Keep only the first of games equal under the 4 symmetries that keep the start position." };
        var json = CommonOptions.Json();
        var command = new Command("import",
            "Import championship games: every game is replayed; games with an illegal move are reported and left out, " +
            "passes are inferred, games that stop before the end are kept and reported.")
        { inputs, output, dedup, json };
        CommandAction.Set(command, parse =>
        {
            bool deduplicate = parse.GetValue(dedup);
            var import = ConsoleProgress.Run(progress => ChampionshipImporter.Import(parse.GetValue(inputs)!, deduplicate, progress));
            string path = parse.GetValue(output)!;
            RunManifest.Around(path, isFolder: false, CommonOptions.CommandLine, null, () =>
            {
                ChampionshipImporter.WriteCorpus(import, path, deduplicate);
                return path;
            });
            var summary = new
            {
                gamesRead = import.GamesRead,
                gamesWritten = import.Games.Count,
                illegal = import.Illegal.Select(g => g.ToString()).ToList(),
                unfinished = import.Unfinished.Select(g => $"{g.File}, game {g.Index + 1} (id {g.Id}): stops after {g.Moves.Length} moves").ToList(),
                winnerMismatches = import.WinnerMismatches.Select(g => $"{g.File}, game {g.Index + 1} (id {g.Id}): final discs {g.BlackDiscs}-{g.WhiteDiscs}, recorded winner {g.RecordedWinner}").ToList(),
                duplicatesLeftOut = import.Duplicates.Count,
                output = path,
            };
            if (parse.GetValue(json)) CommonOptions.PrintJson(summary);
            else
            {
                System.Console.Out.WriteLine($"read {summary.gamesRead} games, wrote {summary.gamesWritten} to {path}");
                System.Console.Out.WriteLine($"illegal (left out): {summary.illegal.Count}");
                foreach (string line in summary.illegal) System.Console.Out.WriteLine($"  {line}");
                System.Console.Out.WriteLine($"unfinished (kept; their recorded result is not a board result): {summary.unfinished.Count}");
                foreach (string line in summary.unfinished) System.Console.Out.WriteLine($"  {line}");
                System.Console.Out.WriteLine($"finished games whose recorded winner disagrees with the discs: {summary.winnerMismatches.Count}");
                foreach (string line in summary.winnerMismatches) System.Console.Out.WriteLine($"  {line}");
                if (deduplicate) System.Console.Out.WriteLine($"duplicates under symmetry (left out): {summary.duplicatesLeftOut}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command CreateInfo()
    {
        var file = new Argument<string>("corpus") { Description = "A corpus file written by generate or import." };
        var json = CommonOptions.Json();
        var command = new Command("info", "Show a corpus file's header, settings and first game.") { file, json };
        CommandAction.Set(command, parse =>
        {
            using var corpus = GameCorpus.Open(parse.GetValue(file)!);
            var info = new
            {
                path = corpus.Path,
                version = corpus.Header.Version,
                source = corpus.Source.ToString(),
                games = corpus.Count,
                moves = corpus.Header.Moves,
                settings = corpus.Settings,
                firstGame = corpus.Count > 0 ? GameRecord.Transcript(corpus.Game(0)) : "",
            };
            if (parse.GetValue(json)) CommonOptions.PrintJson(info);
            else
            {
                System.Console.Out.WriteLine($"{info.path}: {info.source} corpus, format version {info.version}, {info.games} games, {info.moves} moves");
                foreach (var (key, value) in info.settings) System.Console.Out.WriteLine($"  {key}: {value}");
                System.Console.Out.WriteLine($"  first game: {info.firstGame}");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

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
            var stored = RunManifest.Around(path, isFolder: false, CommonOptions.CommandLine, settings.Seed,
                () => ConsoleProgress.Run(progress => SyntheticGameGenerator.Generate(settings, path, progress)));
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
