using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Evaluation;

/// <summary>A model's legal-move scores beside those of an untrained model of the same shape.</summary>
/// <param name="Model">The model's folder.</param>
/// <param name="Games">What was evaluated ("held-out games of the run" or a corpus file).</param>
/// <param name="Trained">The model's score.</param>
/// <param name="Untrained">An untrained model of the same shape (seed 0); reported, not a target: it depends on the initialisation.</param>
public sealed record ModelLegalityReport(string Model, string Games, LegalMoveScore Trained, LegalMoveScore Untrained)
{
    /// <summary>
    /// Scores the model in <paramref name="modelFolder"/> on <paramref name="corpusPath"/> (every game, or
    /// the first <paramref name="maxGames"/>), or by default (and for its own training corpus) on the held-out
    /// games its folder records. With <paramref name="opening"/>, only games whose first move is that square count
    /// (the opening-holdout experiment).
    /// </summary>
    public static ModelLegalityReport Measure(string modelFolder, string? corpusPath, long? maxGames, Device device, IProgressSink progress, int? opening = null)
    {
        using var model = TransformerLoader.Load(modelFolder, new ModelLoadOptions { Device = device });
        if (model.Config.Architecture != OthelloGptConfig.ModelType)
            throw new WorldProbeException($"{modelFolder}: holds a {model.Config.Architecture} model; othello eval needs an Othello-GPT.");
        model.eval();
        // A training corpus means its held-out games: scoring the games the model trained on would flatter it.
        var (games, description) = corpusPath is null || HeldOutGames.IsTrainingCorpus(modelFolder, corpusPath)
            ? HeldOutGames.Load(modelFolder, opening is null ? maxGames : null) : CorpusGames(corpusPath, maxGames, opening);
        if (opening is int first)
        {
            games = games.Where(g => g[0] == first).Take((int)Math.Min(maxGames ?? int.MaxValue, int.MaxValue)).ToList();
            description = $"{games.Count} games opening {Square.Name(first)}, from {description}";
        }
        if (games.Count == 0) throw new WorldProbeException($"{corpusPath ?? modelFolder}: no games to score{(opening is null ? "" : " with that opening")}.");
        var trained = LegalMoveEvaluator.Evaluate(tokens => model.Forward(tokens), games, progress: progress);
        using var untrainedModel = OthelloGpt.Create(OthelloGptConfig.From(model.Config), 0, device);
        untrainedModel.eval();
        var untrained = LegalMoveEvaluator.Evaluate(tokens => untrainedModel.Forward(tokens), games, progress: progress);
        return new ModelLegalityReport(modelFolder, description, trained, untrained);
    }

    static (List<byte[]>, string) CorpusGames(string corpusPath, long? maxGames, int? opening)
    {
        if (!File.Exists(corpusPath)) throw new WorldProbeException($"--corpus {corpusPath}: file not found.");
        using var corpus = GameCorpus.Open(corpusPath);
        var chosen = corpus.FirstGames(maxGames, opening);
        return (chosen, $"{chosen.Count} games of {Path.GetFileName(corpusPath)}");
    }
}
