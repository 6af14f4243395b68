using System.Globalization;
using WorldProbe.Runs;

namespace WorldProbe.Othello;

/// <summary>
/// Imports human games from WTHOR databases (.wtb, with player and tournament names from .jou/.trn files beside them
/// where present) and transcript CSV files. Every game is replayed: a game with an illegal move is reported and left
/// out (never kept or truncated); passes are inferred; games that stop before the end are kept and reported.
/// </summary>
public static class ChampionshipImporter
{
    /// <summary>Reads and replays every game of <paramref name="inputs"/> (files, or folders of .wtb and .csv files).</summary>
    public static ChampionshipImport Import(IReadOnlyList<string> inputs, bool deduplicate, IProgressSink? progress = null)
    {
        progress ??= IProgressSink.Silent;
        var files = ExpandInputs(inputs);
        var kept = new List<ImportedGame>();
        var illegal = new List<IllegalGame>();
        var duplicates = new List<(ImportedGame, ImportedGame)>();
        var canonical = new Dictionary<string, ImportedGame>();
        int read = 0;
        using var task = progress.Start("importing games", files.Count, "files");
        foreach (string file in files)
        {
            foreach (var (index, id, moves, winner) in ReadFile(file))
            {
                read++;
                var replayed = Replay(file, index, id, moves, winner, out var problem);
                if (replayed is null) { illegal.Add(problem!); continue; }
                if (deduplicate)
                {
                    string key = Convert.ToHexString(BoardSymmetries.Canonical(GameRecord.From(moves)));
                    if (canonical.TryGetValue(key, out var first)) { duplicates.Add((replayed, first)); continue; }
                    canonical[key] = replayed;
                }
                kept.Add(replayed);
            }
            task.Advance(1);
        }
        return new ChampionshipImport
        {
            Inputs = files,
            Games = kept,
            Illegal = illegal,
            Unfinished = kept.Where(g => !g.Finished).ToList(),
            WinnerMismatches = kept.Where(g => g.Finished && g.FinalLeader != g.RecordedWinner).ToList(),
            Duplicates = duplicates,
            GamesRead = read,
        };
    }

    /// <summary>Writes the kept games as a corpus (source: championship) with the import's counts in its settings.</summary>
    public static void WriteCorpus(ChampionshipImport import, string path, bool deduplicated) =>
        GameCorpusWriter.Write(path, CorpusSource.Championship, import.Games.Select(g => GameRecord.From(g.Moves)),
            new Dictionary<string, string>
            {
                ["inputs"] = string.Join("; ", import.Inputs.Select(Path.GetFileName)),
                ["gamesRead"] = Invariant(import.GamesRead),
                ["games"] = Invariant(import.Games.Count),
                ["illegalLeftOut"] = Invariant(import.Illegal.Count),
                ["unfinishedKept"] = Invariant(import.Unfinished.Count),
                ["winnerMismatches"] = Invariant(import.WinnerMismatches.Count),
                ["deduplicated"] = deduplicated ? "under the 4 start-preserving symmetries" : "no",
                ["duplicatesLeftOut"] = Invariant(import.Duplicates.Count),
                ["engine"] = $"WorldProbe {BuildInfo.Version}",
            });

    /// <summary>Replays one game; null (with <paramref name="problem"/>) when a move is illegal.</summary>
    public static ImportedGame? Replay(string file, int index, string id, byte[] moves, Disc recordedWinner, out IllegalGame? problem)
    {
        var state = GameState.Start;
        problem = null;
        for (int m = 0; m < moves.Length; m++)
        {
            if (state.TryPlay(moves[m]) != 0) continue;
            string reason = state.IsOver
                ? "the game was already over (neither side could move)"
                : $"not a legal move for {state.ToMove} (legal: {string.Join(' ', SquaresOf(state.LegalMoves).Select(s => Square.Name(s)))})";
            problem = new IllegalGame(file, index, id, m + 1, Square.Name(moves[m]), reason);
            return null;
        }
        return new ImportedGame(file, index, id, moves, state.IsOver, state.BlackCount, state.WhiteCount, recordedWinner);
    }

    static IEnumerable<int> SquaresOf(ulong board)
    {
        for (; board != 0; board &= board - 1) yield return System.Numerics.BitOperations.TrailingZeroCount(board);
    }

    static List<string> ExpandInputs(IReadOnlyList<string> inputs)
    {
        if (inputs.Count == 0) throw new WorldProbeException("no inputs: name .wtb or .csv files (or folders holding them).");
        var files = new List<string>();
        foreach (string input in inputs)
        {
            if (Directory.Exists(input))
            {
                var found = Directory.EnumerateFiles(input)
                    .Where(f => IsWthor(f) || IsCsv(f))
                    .Order(StringComparer.Ordinal).ToList();
                if (found.Count == 0) throw new WorldProbeException($"{input}: the folder holds no .wtb or .csv files.");
                files.AddRange(found);
            }
            else if (File.Exists(input))
            {
                if (!IsWthor(input) && !IsCsv(input))
                    throw new WorldProbeException($"{input}: unknown kind of file; import reads WTHOR databases (.wtb) and transcript CSV files (.csv).");
                files.Add(input);
            }
            else throw new WorldProbeException($"{input}: no such file or folder; check the path.");
        }
        return files;
    }

    static bool IsWthor(string path) => Path.GetExtension(path).Equals(".wtb", StringComparison.OrdinalIgnoreCase);
    static bool IsCsv(string path) => Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    static IEnumerable<(int Index, string Id, byte[] Moves, Disc Winner)> ReadFile(string file)
    {
        if (IsCsv(file))
        {
            var games = TranscriptCsv.Read(file);
            for (int i = 0; i < games.Count; i++) yield return (i, games[i].Id, games[i].Moves, games[i].Winner);
            yield break;
        }
        var (header, wthorGames) = WthorFile.Read(file);
        var players = FindNames(file, ".jou", WthorFile.PlayerNameSize);
        var tournaments = FindNames(file, ".trn", WthorFile.TournamentNameSize);
        for (int i = 0; i < wthorGames.Count; i++)
        {
            var game = wthorGames[i];
            string id = $"{header.GamesYear} #{i + 1}";
            if (players is not null)
                id += $": {NameOr(players, game.BlackPlayer)} - {NameOr(players, game.WhitePlayer)}";
            if (tournaments is not null) id += $" ({NameOr(tournaments, game.Tournament)})";
            Disc winner = game.BlackDiscs > 32 ? Disc.Black : game.BlackDiscs < 32 ? Disc.White : Disc.Empty;
            yield return (i, id, game.Moves, winner);
        }
    }

    static string NameOr(List<string> names, ushort index) => index < names.Count ? names[index] : $"#{index}";

    // The names file beside a database: same stem first, then the federation's usual WTHOR.JOU / WTHOR.TRN.
    static List<string>? FindNames(string database, string extension, int size)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(database))!;
        string stem = Path.GetFileNameWithoutExtension(database);
        var files = Directory.EnumerateFiles(folder).ToList();
        foreach (string wanted in new[] { stem + extension, "WTHOR" + extension })
        {
            string? match = files.Where(f => Path.GetFileName(f).Equals(wanted, StringComparison.OrdinalIgnoreCase))
                                 .Order(StringComparer.Ordinal).FirstOrDefault();
            if (match is not null) return WthorFile.ReadNames(match, size);
        }
        return null;
    }

    static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
