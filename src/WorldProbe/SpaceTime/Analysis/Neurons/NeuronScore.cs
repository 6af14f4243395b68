namespace WorldProbe.SpaceTime.Analysis;

/// <summary>One MLP neuron measured against one target.</summary>
/// <param name="Block">Block index.</param>
/// <param name="Neuron">Neuron index within the block's MLP.</param>
/// <param name="InputCosine">Cosine of the probe direction with the neuron's input row.</param>
/// <param name="OutputCosine">Cosine of the probe direction with the neuron's output column.</param>
/// <param name="SpearmanTrain">Spearman correlation of the neuron's activation with the target on the training rows (the ranking).</param>
/// <param name="SpearmanTest">The same on the test rows.</param>
/// <param name="TrainRSquared">R² of a 1-D ridge on the neuron's activation, on the training rows it was fitted on (top neurons only).</param>
/// <param name="TestRSquared">That ridge's R² on the test rows with its 95% bootstrap interval (top neurons only).</param>
public sealed record NeuronScore(int Block, int Neuron, double InputCosine, double OutputCosine, double SpearmanTrain, double SpearmanTest,
    double? TrainRSquared = null, ScoreWithInterval? TestRSquared = null)
{
    /// <summary>"b4/n123".</summary>
    public string Label => $"b{Block}/n{Neuron}";
}
