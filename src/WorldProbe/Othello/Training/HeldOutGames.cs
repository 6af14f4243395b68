namespace WorldProbe.Othello.Training;

/// <summary>
/// The games a model never trained on, wherever its folder records them: a training folder names its
/// corpora and the held-out indices (training/state.json, training/held_out.npy); a released model
/// carries the games themselves (held-out.wpg), so it needs no corpus on a fresh clone.
/// </summary>
public static class HeldOutGames
{
    /// <summary>The file a released model folder keeps its held-out games in.</summary>
    public const string ReleasedFile = "held-out.wpg";

    /// <summary>True when <paramref name="modelFolder"/> records held-out games.</summary>
    public static bool Recorded(string modelFolder) =>
        File.Exists(Path.Combine(modelFolder, ReleasedFile)) || File.Exists(Path.Combine(modelFolder, TrainingState.RelativePath));

    /// <summary>True when <paramref name="corpusPath"/> is one of the corpora the model in <paramref name="modelFolder"/> trained on.</summary>
    public static bool IsTrainingCorpus(string modelFolder, string corpusPath) =>
        TrainingState.TryRead(modelFolder) is { } state && state.Corpora.Any(c => Path.GetFullPath(c) == Path.GetFullPath(corpusPath));

    /// <summary>The first <paramref name="count"/> held-out games (all when null), with a description for reports.</summary>
    public static (List<byte[]> Games, string Description) Load(string modelFolder, long? count)
    {
        string released = Path.Combine(modelFolder, ReleasedFile);
        if (File.Exists(released))
        {
            using var corpus = GameCorpus.Open(released);
            var list = corpus.FirstGames(count);
            return (list, $"{list.Count} held-out games ({ReleasedFile})");
        }
        var state = TrainingState.TryRead(modelFolder)
            ?? throw new WorldProbeException($"{modelFolder}: neither {ReleasedFile} nor {TrainingState.RelativePath}, so no record of held-out games; pass --corpus FILE.");
        foreach (string path in state.Corpora.Where(p => !File.Exists(p)))
            throw new WorldProbeException($"{path}: the training corpus of {modelFolder} is missing; regenerate it (see the run's manifest.json) or pass --corpus FILE.");
        long[] heldOut = TrainingCheckpoint.LoadHeldOut(modelFolder);
        using var games = TrainingGames.OpenWithHeldOut(state.Corpora, heldOut);
        var chosen = heldOut.Take((int)Math.Min(count ?? long.MaxValue, heldOut.Length)).Select(games.Moves).ToList();
        return (chosen, $"{chosen.Count} held-out games of {string.Join(", ", state.Corpora.Select(Path.GetFileName))}");
    }
}
