using WorldProbe.Othello.Training;

namespace WorldProbe.Othello.Probes;

/// <summary>Chooses the games probes and interventions run on.</summary>
public static class ProbeGames
{
    /// <summary>
    /// The first <paramref name="count"/> games: the model's recorded held-out games (<see cref="HeldOutGames"/>) when
    /// <paramref name="corpusPath"/> is null or is one of its training corpora (never its training games), otherwise the
    /// corpus's first games.
    /// </summary>
    public static (List<byte[]> Games, string Description) Load(string modelFolder, string? corpusPath, int count)
    {
        if (corpusPath is null || HeldOutGames.IsTrainingCorpus(modelFolder, corpusPath))
            return HeldOutGames.Load(modelFolder, count);
        if (!File.Exists(corpusPath)) throw new WorldProbeException($"--corpus {corpusPath}: file not found.");
        using var corpus = GameCorpus.Open(corpusPath);
        var list = corpus.FirstGames(count);
        return (list, $"the first {list.Count} games of {Path.GetFileName(corpusPath)}");
    }
}
