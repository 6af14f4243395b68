namespace WorldProbe.SpaceTime.Analysis;

/// <summary>The neurons that best track one target, ranked three ways.</summary>
/// <param name="Target">Target name (longitude, latitude, year).</param>
/// <param name="BySpearman">Top neurons by |Spearman| of activation and target on the training rows.</param>
/// <param name="ByInputCosine">Top neurons by |cosine| of their input row with the probe direction.</param>
/// <param name="ByOutputCosine">Top neurons by |cosine| of their output column with the probe direction.</param>
/// <param name="BestActivation">The first neuron of <paramref name="BySpearman"/>: its activation on the test rows.</param>
/// <param name="BestTarget">The target on the same test rows.</param>
public sealed record TargetNeurons(string Target, IReadOnlyList<NeuronScore> BySpearman, IReadOnlyList<NeuronScore> ByInputCosine,
    IReadOnlyList<NeuronScore> ByOutputCosine, double[] BestActivation, double[] BestTarget);
