using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>Fits one kind of probe; the options records (<see cref="RidgeOptions"/>, <see cref="MlpProbeOptions"/>) are the trainers.</summary>
public interface IRegressionProbeTrainer
{
    /// <summary>Short name for reports ("ridge", "mlp").</summary>
    string Name { get; }

    /// <summary>Fits a probe on training rows: features [n, d], targets [n, k] in original units.</summary>
    IRegressionProbe Fit(Tensor features, Tensor targets, IProgressSink? progress = null);
}
