using WorldProbe.Activations;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// MLP neuron activations (<c>blocks.{i}.hook_mlp_post</c>) of chosen blocks at one token per sequence,
/// and optionally the residual stream at one layer (to check the rows against a store), gathered with an
/// <see cref="ActivationCache"/> limited to those names and positions over right-padded batches.
/// </summary>
public static class NeuronActivations
{
    /// <summary>
    /// Runs <paramref name="model"/> over <paramref name="sequences"/> and returns, in sequence order, each
    /// block's activations [sequences, d_mlp] (float32, CPU) and, when <paramref name="residualLayer"/> is
    /// given, that layer's residual stream [sequences, d_model].
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="sequences">Token ids of each sequence.</param>
    /// <param name="positions">For each sequence, the index of the token to read.</param>
    /// <param name="blocks">Blocks whose MLP activations are wanted.</param>
    /// <param name="residualLayer">A residual layer to read as well (layer j = after j blocks), or null.</param>
    /// <param name="batchSize">Sequences per forward pass.</param>
    /// <param name="progress">Progress in sequences.</param>
    public static (IReadOnlyDictionary<int, Tensor> Neurons, Tensor? Residual) Collect(Transformer model, IReadOnlyList<long[]> sequences, IReadOnlyList<int> positions,
        IReadOnlyList<int> blocks, int? residualLayer = null, int batchSize = 64, IProgressSink? progress = null)
    {
        foreach (int block in blocks)
            if (block < 0 || block >= model.Config.NLayers)
                throw new WorldProbeException($"block {block} does not exist: this model has blocks 0..{model.Config.NLayers - 1}.");
        var names = blocks.Select(HookNames.MlpPost).ToList();
        if (residualLayer is int layer) names.Add(HookNames.ResidualLayer(layer));
        var neurons = blocks.ToDictionary(b => b, _ => zeros(sequences.Count, model.Config.DMlp)); // each [sequences, d_mlp]
        var residual = residualLayer is null ? null : zeros(sequences.Count, model.Config.DModel); // [sequences, d_model]
        using var task = (progress ?? IProgressSink.Silent).Start("MLP neuron activations", sequences.Count, "sequences");
        foreach (var batch in SequenceBatches.ByLength(sequences, positions, batchSize))
        {
            using var scope = NewDisposeScope();
            var target = tensor(batch.Rows.Select(i => (long)i).ToArray());
            using var cache = ActivationCache.Run(model, tensor(batch.Ids), tensor(batch.Mask), names, tensor(batch.Positions));
            foreach (int block in blocks)
                neurons[block].index_copy_(0, target, cache[HookNames.MlpPost(block)].to(ScalarType.Float32).cpu()); // [batch, d_mlp]
            if (residualLayer is int l) residual!.index_copy_(0, target, cache[HookNames.ResidualLayer(l)].to(ScalarType.Float32).cpu());
            task.Advance(batch.Rows.Length);
        }
        return (neurons, residual);
    }
}
