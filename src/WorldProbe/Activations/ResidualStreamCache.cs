using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>
/// The residual stream at chosen layers (layer j = after j blocks; 0 = the embeddings) and chosen token
/// positions, gathered inside the forward pass so only [batch, d_model] per layer is ever kept.
/// </summary>
public static class ResidualStreamCache
{
    /// <summary>
    /// Runs <paramref name="model"/> up to the deepest requested layer and returns the residual stream:
    /// [layers, batch, d_model] for positions [batch], or [layers, batch, k, d_model] for positions [batch, k];
    /// float32 on the CPU.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="inputIds">[batch, pos] token ids.</param>
    /// <param name="attentionMask">[batch, pos] nonzero = real token, or null.</param>
    /// <param name="layers">Layers 0..n_layers, any order (the result follows this order).</param>
    /// <param name="positions">[batch] or [batch, k] positions, e.g. <see cref="TokenPositions.LastReal"/>.</param>
    public static Tensor Collect(Transformer model, Tensor inputIds, Tensor? attentionMask, IReadOnlyList<int> layers, Tensor positions)
    {
        if (layers.Count == 0) throw new WorldProbeException("no layers requested; pass at least one of 0.." + model.Config.NLayers + ".");
        foreach (int layer in layers)
            if (layer < 0 || layer > model.Config.NLayers)
                throw new WorldProbeException($"layer {layer} does not exist: this model has layers 0..{model.Config.NLayers} (layer j = after j blocks).");
        var names = layers.Select(HookNames.ResidualLayer).ToList();
        using var cache = ActivationCache.Run(model, inputIds, attentionMask, names, positions);
        using var scope = NewDisposeScope();
        return stack(names.Select(n => cache[n].to(ScalarType.Float32).cpu()).ToArray(), 0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The residual stream of many variable-length sequences at one position each: [layers, sequences, d_model],
    /// float32 on the CPU, in the order given. Sequences are grouped by length into right-padded batches.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="sequences">Token ids of each sequence.</param>
    /// <param name="positions">For each sequence, the index (within it) of the token to read; e.g. its length - 1.</param>
    /// <param name="layers">Layers 0..n_layers.</param>
    /// <param name="batchSize">Sequences per forward pass.</param>
    /// <param name="progress">Progress in sequences (null = silent).</param>
    public static Tensor CollectMany(Transformer model, IReadOnlyList<long[]> sequences, IReadOnlyList<int> positions, IReadOnlyList<int> layers, int batchSize = 32, IProgressSink? progress = null)
    {
        var result = zeros(layers.Count, sequences.Count, model.Config.DModel); // [layers, sequences, d_model]
        using var task = (progress ?? IProgressSink.Silent).Start("residual stream", sequences.Count, "sequences");
        foreach (var batch in SequenceBatches.ByLength(sequences, positions, batchSize))
        {
            using var scope = NewDisposeScope();
            var stream = Collect(model, tensor(batch.Ids), tensor(batch.Mask), layers, tensor(batch.Positions)); // [layers, batch, d_model]
            result.index_copy_(1, tensor(batch.Rows.Select(i => (long)i).ToArray()), stream);
            task.Advance(batch.Rows.Length);
        }
        return result;
    }
}
