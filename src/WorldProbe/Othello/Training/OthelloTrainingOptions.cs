using static TorchSharp.torch;

namespace WorldProbe.Othello.Training;

/// <summary>What `worldprobe othello train` was asked to do.</summary>
/// <param name="Corpora">Corpus files to train on.</param>
/// <param name="Preset">Model shape and recipe.</param>
/// <param name="Folder">Training folder: the exported model, checkpoints and state.</param>
/// <param name="Steps">Steps of the run (null = the preset's).</param>
/// <param name="Resume">Continue the run in <paramref name="Folder"/>.</param>
/// <param name="Seed">Seed of initialisation, split, data order and dropout.</param>
/// <param name="HeldOutGames">Games kept out of training for evaluation.</param>
/// <param name="CheckpointInterval">Time between checkpoints.</param>
/// <param name="EvaluateEvery">Steps between learning-curve points.</param>
/// <param name="CurveGames">Held-out games scored at each learning-curve point.</param>
/// <param name="ComputeDType">Float32, or BFloat16 for forward/backward with float32 master weights.</param>
/// <param name="Device">Where to train.</param>
/// <param name="LossEvery">Steps between training-loss points.</param>
public sealed record OthelloTrainingOptions(
    IReadOnlyList<string> Corpora,
    OthelloTrainingPreset Preset,
    string Folder,
    long? Steps = null,
    bool Resume = false,
    long Seed = 0,
    long HeldOutGames = 10_000,
    TimeSpan? CheckpointInterval = null,
    long EvaluateEvery = 1000,
    int CurveGames = 1000,
    ScalarType ComputeDType = ScalarType.Float32,
    Device? Device = null,
    long LossEvery = 50);
