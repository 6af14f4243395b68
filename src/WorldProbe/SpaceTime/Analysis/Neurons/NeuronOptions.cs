namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What <see cref="SpaceNeurons"/> looks at (the layer, bootstrap and ridge come from <see cref="SpaceExperimentOptions"/>).</summary>
/// <param name="Blocks">Blocks whose MLP neurons are measured; null = the blocks around the probed layer L: L-2..L+1 (block L-1 writes layer L, block L reads it), clipped to the model.</param>
/// <param name="MaxEntities">Run the model over an evenly spaced subset of at most this many of the store's entities; null = all.</param>
/// <param name="Top">Neurons listed per target and ranking.</param>
/// <param name="BatchSize">Sequences per forward pass.</param>
public sealed record NeuronOptions(IReadOnlyList<int>? Blocks = null, int? MaxEntities = null, int Top = 10, int BatchSize = 64);
