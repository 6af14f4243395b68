using WorldProbe.Runs;
using WorldProbe.Transformers;

namespace WorldProbe.Othello.Training;

/// <summary>Mean training loss over a stretch of steps.</summary>
/// <param name="Step">Steps completed.</param>
/// <param name="Tokens">Target tokens seen.</param>
/// <param name="Loss">Mean cross-entropy since the previous point.</param>
public sealed record LossPoint(long Step, long Tokens, double Loss);

/// <summary>Legal-move error on the run's evaluation games at one moment: the learning curve.</summary>
/// <param name="Step">Steps completed.</param>
/// <param name="Tokens">Target tokens seen.</param>
/// <param name="StrictError">Strict top-1 error.</param>
/// <param name="LenientError">Lenient top-1 error.</param>
public sealed record CurvePoint(long Step, long Tokens, double StrictError, double LenientError);

/// <summary>
/// training/state.json of a training folder: everything needed to continue a run exactly (settings,
/// position in the data, the checkpoint it belongs to) and its history. Written last, atomically,
/// after the checkpoint it names is complete.
/// </summary>
public sealed record TrainingState
{
    /// <summary>Preset name.</summary>
    public required string Preset { get; init; }
    /// <summary>The model's shape.</summary>
    public required OthelloGptConfig Model { get; init; }
    /// <summary>Games per step.</summary>
    public required int BatchGames { get; init; }
    /// <summary>Steps of the whole run.</summary>
    public required long TotalSteps { get; init; }
    /// <summary>Seed of initialisation, split, data order and dropout.</summary>
    public required long Seed { get; init; }
    /// <summary>Peak learning rate.</summary>
    public required double LearningRate { get; init; }
    /// <summary>"float32" or "bfloat16": the precision of forward and backward passes (weights stay float32).</summary>
    public required string ComputeDType { get; init; }
    /// <summary>Corpus files, as given.</summary>
    public required string[] Corpora { get; init; }
    /// <summary>Games in each corpus file (a replaced file is detected on resume).</summary>
    public required long[] CorpusGames { get; init; }
    /// <summary>Held-out games (their global indices are in training/held_out.npy).</summary>
    public required long HeldOutGames { get; init; }
    /// <summary>Steps completed.</summary>
    public long Step { get; init; }
    /// <summary>Target tokens seen.</summary>
    public long Tokens { get; init; }
    /// <summary>Training wall time so far, in seconds (over all sessions).</summary>
    public double WallSeconds { get; init; }
    /// <summary>The checkpoint folder of <see cref="Step"/>, relative to the training folder.</summary>
    public string? Checkpoint { get; init; }
    /// <summary>Training loss history.</summary>
    public IReadOnlyList<LossPoint> Loss { get; init; } = [];
    /// <summary>Learning curve.</summary>
    public IReadOnlyList<CurvePoint> Curve { get; init; } = [];

    /// <summary>The file inside a training folder.</summary>
    public const string RelativePath = "training/state.json";

    /// <summary>Writes the state atomically.</summary>
    public void WriteTo(string folder) => JsonRecordFile.Write(Path.Combine(folder, RelativePath), this);

    /// <summary>Reads the state of <paramref name="folder"/>, or null when it has none.</summary>
    public static TrainingState? TryRead(string folder) =>
        JsonRecordFile.TryRead<TrainingState>(Path.Combine(folder, RelativePath),
            "training state", "start a new run in another folder");
}
