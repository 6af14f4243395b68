using WorldProbe.Runs;

namespace WorldProbe.Othello;

/// <summary>
/// Synthetic games in Li et al.'s sense (the semantics of their code): at every move the player picks uniformly at
/// random among its legal moves; a side with no legal move passes; the game ends when neither side can move.
/// Game i uses its own generator seeded from (seed, i), so the corpus is the same for any thread count; games are
/// made in parallel chunks and streamed to disk in order.
/// </summary>
public static class SyntheticGameGenerator
{
    /// <summary>The move policy, as stored in the corpus settings.</summary>
    public const string Policy = "uniform random legal move at every ply (Li et al.'s code); passes inferred";

    const int ChunkGames = 1 << 14;

    /// <summary>Plays game <paramref name="gameIndex"/> into <paramref name="record"/> (60 bytes, padded); returns its move count.</summary>
    public static int PlayGame(long seed, long gameIndex, Span<byte> record, int? excludedOpening = null)
    {
        var random = GameRandom.ForGame(seed, gameIndex);
        ulong player = Bitboards.StartBlack, opponent = Bitboards.StartWhite;
        ulong moves = Bitboards.LegalMoves(player, opponent);
        if (excludedOpening is int excluded) moves &= ~(1UL << excluded);
        int count = 0;
        while (true)
        {
            int square = Bitboards.NthSquare(moves, random.NextBelow(Bitboards.Count(moves)));
            ulong flips = Bitboards.Flips(player, opponent, square);
            player |= flips | (1UL << square);
            opponent &= ~flips;
            record[count++] = (byte)square;
            moves = Bitboards.LegalMoves(opponent, player);
            if (moves != 0)
            {
                (player, opponent) = (opponent, player);
                continue;
            }
            moves = Bitboards.LegalMoves(player, opponent);
            if (moves == 0) break;
        }
        record[count..GameRecord.Length].Fill(GameRecord.Padding);
        return count;
    }

    /// <summary>Writes <paramref name="settings"/>.Games games to <paramref name="path"/> (atomically) and returns the file's settings.</summary>
    public static IReadOnlyDictionary<string, string> Generate(SyntheticGameSettings settings, string path, IProgressSink progress)
    {
        if (settings.Games < 1) throw new WorldProbeException($"--games {settings.Games}: ask for at least one game.");
        if (settings.ExcludedOpening is int opening && (Bitboards.LegalMoves(Bitboards.StartBlack, Bitboards.StartWhite) & (1UL << opening)) == 0)
            throw new WorldProbeException($"--exclude-opening {Square.Name(opening)}: not a first move; the first moves are d3, c4, f5, e6.");
        int threads = settings.Threads ?? Environment.ProcessorCount;
        if (threads < 1) throw new WorldProbeException($"--threads {threads}: use at least one thread.");
        IReadOnlyDictionary<string, string> stored = new Dictionary<string, string>();
        GameCorpusWriter.Write(path, CorpusSource.Synthetic, writer =>
        {
            using var task = progress.Start("synthetic games", settings.Games, "games");
            var deduplicator = settings.Deduplicate ? new SymmetricGameSet() : null;
            int window = Math.Max(2, threads * 2);
            var buffers = Enumerable.Range(0, window).Select(_ => new byte[ChunkGames * GameRecord.Length]).ToArray();
            long nextGame = 0, duplicates = 0;
            var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
            while (writer.Games < settings.Games)
            {
                long needed = settings.Games - writer.Games;
                // Without de-duplication make exactly what is missing; with it, whole chunks (the extra games are skipped).
                int chunks = (int)Math.Min(window, (needed + ChunkGames - 1) / ChunkGames);
                long first = nextGame;
                Parallel.For(0, chunks, options, chunk =>
                {
                    var buffer = buffers[chunk];
                    long start = first + (long)chunk * ChunkGames;
                    int games = deduplicator is null ? (int)Math.Min(ChunkGames, needed - (long)chunk * ChunkGames) : ChunkGames;
                    for (int i = 0; i < games; i++)
                        PlayGame(settings.Seed, start + i, buffer.AsSpan(i * GameRecord.Length, GameRecord.Length), settings.ExcludedOpening);
                });
                nextGame += (long)chunks * ChunkGames;
                for (int chunk = 0; chunk < chunks && writer.Games < settings.Games; chunk++)
                {
                    long before = writer.Games;
                    if (deduplicator is null)
                    {
                        int take = (int)Math.Min(ChunkGames, settings.Games - writer.Games);
                        writer.AddRecords(buffers[chunk].AsSpan(0, take * GameRecord.Length));
                    }
                    else
                    {
                        for (int i = 0; i < ChunkGames && writer.Games < settings.Games; i++)
                        {
                            var record = buffers[chunk].AsSpan(i * GameRecord.Length, GameRecord.Length);
                            if (deduplicator.Add(record)) writer.AddRecords(record);
                            else duplicates++;
                        }
                    }
                    task.Advance(writer.Games - before);
                }
            }
            stored = new Dictionary<string, string>
            {
                ["policy"] = Policy,
                ["seed"] = settings.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["games"] = writer.Games.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["moves"] = writer.Moves.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["excludedOpening"] = settings.ExcludedOpening is int e ? Square.Name(e) : "none",
                ["deduplicated"] = settings.Deduplicate ? "under the 4 start-preserving symmetries" : "no",
                ["duplicatesSkipped"] = duplicates.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["rngPerGame"] = "xoshiro256** seeded by splitmix64(seed) xor game index",
                ["engine"] = $"WorldProbe {BuildInfo.Version}",
            };
            return stored;
        });
        return stored;
    }
}
