using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// How an <see cref="MlpProbe"/> is trained (the original work's nonlinear probe): Linear(d, 256),
/// ReLU, Linear(256, k); AdamW at learning rate 1e-3; weight decay chosen on a validation split;
/// batch 512; at most 20 epochs, stopping after 3 epochs without a better validation loss. Also its trainer.
/// </summary>
public sealed record MlpProbeOptions : IRegressionProbeTrainer
{
    /// <summary>Width of the hidden layer.</summary>
    public int HiddenSize { get; init; } = 256;

    /// <summary>AdamW learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Weight decays tried; the one with the lowest validation loss wins.</summary>
    public double[] WeightDecays { get; init; } = [0.01, 0.03, 0.1, 0.3];

    /// <summary>Rows per optimizer step.</summary>
    public int BatchSize { get; init; } = 512;

    /// <summary>Most passes over the training rows.</summary>
    public int MaxEpochs { get; init; } = 20;

    /// <summary>Epochs without a better validation loss before stopping.</summary>
    public int Patience { get; init; } = 3;

    /// <summary>Fraction of the training rows held out to choose the weight decay and the epoch.</summary>
    public double ValidationFraction { get; init; } = 0.2;

    /// <summary>Seed of the split, the initialization and the batch order.</summary>
    public long Seed { get; init; }

    /// <summary>Compute device ("cpu", "cuda"); the features' device when null.</summary>
    public string? Device { get; init; }

    /// <inheritdoc/>
    public string Name => "mlp";

    /// <inheritdoc/>
    public IRegressionProbe Fit(Tensor features, Tensor targets, IProgressSink? progress = null) =>
        MlpProbe.Fit(features, targets, this, progress);
}
