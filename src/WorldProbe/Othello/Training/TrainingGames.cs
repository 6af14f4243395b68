using static TorchSharp.torch;

namespace WorldProbe.Othello.Training;

/// <summary>
/// The games a run trains on: one or more corpus files seen as one list (global index = position in
/// the concatenation), split at random by game into held-out and training games with a seed.
/// The split never depends on the files' order of games (the original sorted its games, so its
/// validation set was a single opening).
/// </summary>
public sealed class TrainingGames : IDisposable
{
    readonly long[] offsets;

    /// <summary>The opened corpora, in the order given.</summary>
    public IReadOnlyList<GameCorpus> Corpora { get; }

    /// <summary>Games in all corpora.</summary>
    public long Count { get; }

    /// <summary>Held-out games (global indices, ascending).</summary>
    public long[] HeldOut { get; }

    /// <summary>Training games (global indices, ascending).</summary>
    public long[] Train { get; }

    TrainingGames(IReadOnlyList<GameCorpus> corpora, long[] heldOut)
    {
        Corpora = corpora;
        offsets = new long[corpora.Count + 1];
        for (int i = 0; i < corpora.Count; i++) offsets[i + 1] = offsets[i] + corpora[i].Count;
        Count = offsets[^1];
        HeldOut = heldOut;
        var held = new HashSet<long>(heldOut);
        Train = new long[Count - heldOut.Length];
        for (long i = 0, k = 0; i < Count; i++)
            if (!held.Contains(i)) Train[k++] = i;
    }

    /// <summary>Opens <paramref name="paths"/> and holds out about <paramref name="heldOutGames"/> games chosen with <paramref name="seed"/> (<see cref="GameSplit"/>).</summary>
    public static TrainingGames Open(IReadOnlyList<string> paths, long heldOutGames, long seed)
    {
        var corpora = OpenAll(paths);
        long count = corpora.Sum(c => c.Count);
        if (heldOutGames >= count)
        {
            foreach (var corpus in corpora) corpus.Dispose();
            throw new WorldProbeException($"--held-out {heldOutGames}: the corpora hold only {count} games; hold out fewer.");
        }
        var split = GameSplit.Create(count, (double)heldOutGames / count, seed);
        return new TrainingGames(corpora, split.Validation.Select(i => (long)i).ToArray());
    }

    /// <summary>Opens <paramref name="paths"/> with a held-out list recorded earlier (resume, evaluation).</summary>
    public static TrainingGames OpenWithHeldOut(IReadOnlyList<string> paths, long[] heldOut)
    {
        var corpora = OpenAll(paths);
        long count = corpora.Sum(c => c.Count);
        if (heldOut.Any(i => i < 0 || i >= count))
        {
            foreach (var corpus in corpora) corpus.Dispose();
            throw new WorldProbeException($"the recorded held-out games do not fit the {count} games of {string.Join(", ", paths)}; were the corpus files replaced?");
        }
        return new TrainingGames(corpora, heldOut);
    }

    static List<GameCorpus> OpenAll(IReadOnlyList<string> paths)
    {
        if (paths.Count == 0) throw new WorldProbeException("--corpus: give at least one corpus file (worldprobe othello generate or import makes one).");
        var corpora = new List<GameCorpus>();
        try
        {
            foreach (string path in paths) corpora.Add(GameCorpus.Open(path));
        }
        catch
        {
            foreach (var corpus in corpora) corpus.Dispose();
            throw;
        }
        return corpora;
    }

    /// <summary>The training games of epoch <paramref name="epoch"/> in the order they are seen.</summary>
    public long[] EpochOrder(int epoch, long seed)
    {
        long[] permutation = Shuffle(Train.Length, seed, epoch);
        for (int i = 0; i < permutation.Length; i++) permutation[i] = Train[permutation[i]];
        return permutation;
    }

    /// <summary>A seeded Fisher-Yates permutation of 0..count-1 (independent of thread count and platform).</summary>
    static long[] Shuffle(long count, long seed, int epoch)
    {
        long[] order = new long[count];
        for (long i = 0; i < count; i++) order[i] = i;
        // A stream of its own per epoch; the split uses stream -1.
        var random = GameRandom.ForGame(seed, 1_000_000_007L + epoch);
        for (long i = count - 1; i > 0; i--)
        {
            long j = random.NextBelow(checked((int)(i + 1)));
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The corpus and local index of global game <paramref name="index"/>.</summary>
    public (GameCorpus Corpus, long Local) Locate(long index)
    {
        int file = Array.BinarySearch(offsets, index);
        file = file >= 0 ? file : ~file - 1;
        while (file + 1 < offsets.Length - 1 && offsets[file + 1] == index) file++;
        return (Corpora[file], index - offsets[file]);
    }

    /// <summary>Token ids of global games <paramref name="games"/>: <c>// [games, 60]</c> int64.</summary>
    public Tensor Tokens(ReadOnlySpan<long> games)
    {
        var tokens = new long[games.Length * GameRecord.Length];
        for (int g = 0; g < games.Length; g++)
        {
            var (corpus, local) = Locate(games[g]);
            MoveTokens.Encode(corpus.Game(local), tokens.AsSpan(g * GameRecord.Length, GameRecord.Length));
        }
        return tensor(tokens, games.Length, GameRecord.Length);
    }

    /// <summary>The moves of global game <paramref name="index"/>.</summary>
    public byte[] Moves(long index)
    {
        var (corpus, local) = Locate(index);
        return corpus.Moves(local).ToArray();
    }

    /// <summary>Closes the corpora.</summary>
    public void Dispose()
    {
        foreach (var corpus in Corpora) corpus.Dispose();
    }
}
