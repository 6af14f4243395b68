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
}
