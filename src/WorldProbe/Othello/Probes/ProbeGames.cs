using WorldProbe.Othello.Training;

namespace WorldProbe.Othello.Probes;

/// <summary>Chooses the games probes and interventions run on.</summary>
public static class ProbeGames
{
    /// <summary>
    /// The first <paramref name="count"/> games: the model's recorded held-out games when <paramref name="corpusPath"/>
    /// is null or is one of its training corpora (never its training games), otherwise the corpus's first games.
    /// </summary>
    public static (List<byte[]> Games, string Description) Load(string modelFolder, string? corpusPath, int count)
    {
        var state = TrainingState.TryRead(modelFolder);
        bool trainingCorpus = state is not null && (corpusPath is null ||
            state.Corpora.Any(c => Path.GetFullPath(c) == Path.GetFullPath(corpusPath)));
        if (trainingCorpus)
        {
            long[] heldOut = TrainingCheckpoint.LoadHeldOut(modelFolder);
            using var games = TrainingGames.OpenWithHeldOut(state!.Corpora, heldOut);
            var chosen = heldOut.Take(Math.Min(count, heldOut.Length)).Select(games.Moves).ToList();
            return (chosen, $"{chosen.Count} held-out games of {string.Join(", ", state.Corpora.Select(Path.GetFileName))}");
        }
        if (corpusPath is null)
            throw new WorldProbeException($"{modelFolder}: no {TrainingState.RelativePath}, so no record of held-out games; pass --corpus FILE.");
        if (!File.Exists(corpusPath)) throw new WorldProbeException($"--corpus {corpusPath}: file not found.");
        using var corpus = GameCorpus.Open(corpusPath);
        long take = Math.Min(count, corpus.Count);
        var list = new List<byte[]>((int)take);
        for (long i = 0; i < take; i++) list.Add(corpus.Moves(i).ToArray());
        return (list, $"the first {take} games of {Path.GetFileName(corpusPath)}");
    }
}
