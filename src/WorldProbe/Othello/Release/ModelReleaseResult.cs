using WorldProbe.Othello.Evaluation;
using WorldProbe.Othello.Training;
using WorldProbe.Transformers;

namespace WorldProbe.Othello.Release;

/// <summary>Everything a released model's card states (also written as card.json beside it).</summary>
/// <param name="Preset">Training preset.</param>
/// <param name="Model">The model's shape.</param>
/// <param name="Parameters">Parameters, embeddings included.</param>
/// <param name="Seed">Seed of initialisation, split, data order and dropout.</param>
/// <param name="BatchGames">Games per step.</param>
/// <param name="Step">Steps trained.</param>
/// <param name="TotalSteps">Steps of the run's schedule.</param>
/// <param name="GamesSeen">Training games seen (steps x batch; each game at most once when fewer than the corpus).</param>
/// <param name="Tokens">Target tokens seen.</param>
/// <param name="WallHours">Training wall time over all sessions.</param>
/// <param name="ComputeDType">Forward/backward precision of training.</param>
/// <param name="Corpora">Training corpora: file name and the settings that regenerate it.</param>
/// <param name="TrainCommand">The command that trains (and, rerun with --resume, continues) the run.</param>
/// <param name="HeldOut">Legal-move scores on held-out synthetic games, computed with the released (fp16-stored) weights.</param>
/// <param name="Championship">The same on the championship corpus (null when none was given).</param>
/// <param name="Curve">Learning curve recorded during training.</param>
/// <param name="WeightBytes">Size of model.safetensors.</param>
public sealed record ModelReleaseResult(
    string Preset,
    OthelloGptConfig Model,
    long Parameters,
    long Seed,
    int BatchGames,
    long Step,
    long TotalSteps,
    long GamesSeen,
    long Tokens,
    double WallHours,
    string ComputeDType,
    IReadOnlyList<CorpusRecipe> Corpora,
    string TrainCommand,
    ModelLegalityReport HeldOut,
    ModelLegalityReport? Championship,
    IReadOnlyList<CurvePoint> Curve,
    long WeightBytes);

/// <summary>A corpus file and the settings recorded in it.</summary>
/// <param name="File">File name.</param>
/// <param name="Games">Games in it.</param>
/// <param name="Settings">Its recorded settings (generator seed, policy, ...).</param>
public sealed record CorpusRecipe(string File, long Games, IReadOnlyDictionary<string, string> Settings);
