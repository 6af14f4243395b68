using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>
/// Activations captured during one forward pass, by hook point name, optionally only at chosen token
/// positions. The forward pass stops after the last block whose activations were asked for.
/// Owns its tensors: dispose it to free them.
/// </summary>
public sealed class ActivationCache : IDisposable
{
    readonly Dictionary<string, Tensor> activations;

    ActivationCache(Dictionary<string, Tensor> activations, Tensor? output)
    {
        this.activations = activations;
        Output = output;
    }

    /// <summary>The model's output (logits, or the last residual stream for models without an unembedding); null when the pass stopped early.</summary>
    public Tensor? Output { get; }

    /// <summary>The captured activations: [batch, pos, ...] or, with positions, [batch, k, ...].</summary>
    public IReadOnlyDictionary<string, Tensor> Activations => activations;

    /// <summary>The activation at hook point <paramref name="name"/>.</summary>
    public Tensor this[string name] => activations.TryGetValue(name, out var value)
        ? value
        : throw new WorldProbeException($"'{name}' was not cached; cached: {string.Join(", ", activations.Keys)}.");

    /// <summary>
    /// Runs <paramref name="model"/> (no gradients) and caches <paramref name="names"/> (all hook points when null).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="inputIds">[batch, pos] token ids.</param>
    /// <param name="attentionMask">[batch, pos] nonzero = real token, or null.</param>
    /// <param name="names">Hook point names to cache; null = every hook point.</param>
    /// <param name="positions">[batch] or [batch, k] token positions to keep per row; null = all positions.</param>
    public static ActivationCache Run(Transformer model, Tensor inputIds, Tensor? attentionMask = null, IEnumerable<string>? names = null, Tensor? positions = null)
    {
        var wanted = (names ?? model.HookPointNames).Distinct().Select(model.HookPoint).ToList();
        var index = positions is null ? null : (positions.dim() == 1 ? positions.unsqueeze(1) : positions).to(ScalarType.Int64).to(model.Device); // [batch, k]
        var captured = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var handles = wanted.Select(point => point.Add((activation, hook) =>
        {
            var kept = index is null ? activation : Select(activation, index);
            captured[hook.Name] = kept.detach().clone().DetachFromDisposeScope();
            return activation;
        })).ToList();
        Tensor? output = null;
        try
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            int? stop = StopLayer(model.Config, wanted);
            var result = model.Forward(inputIds, attentionMask, stop);
            if (stop is null || stop == model.Config.NLayers && !model.Config.Unembed && !model.Config.FinalNorm)
                output = result.detach().DetachFromDisposeScope();
        }
        catch
        {
            foreach (var tensor in captured.Values) tensor.Dispose();
            throw;
        }
        finally
        {
            foreach (var handle in handles) handle.Dispose();
        }
        if (positions is not null && positions.dim() == 1)
            foreach (string name in captured.Keys.ToList())
            {
                var squeezed = captured[name].squeeze(1).DetachFromDisposeScope();
                captured[name].Dispose();
                captured[name] = squeezed;
            }
        return new ActivationCache(captured, output);
    }

    /// <summary>activation [batch, pos, ...] at index [batch, k] -> [batch, k, ...].</summary>
    internal static Tensor Select(Tensor activation, Tensor index)
    {
        var shape = activation.shape;
        var expanded = index.view([index.shape[0], index.shape[1], .. Enumerable.Repeat(1L, shape.Length - 2)])
            .expand([index.shape[0], index.shape[1], .. shape.Skip(2)]);
        return activation.gather(1, expanded);
    }

    /// <summary>The fewest blocks that produce every wanted activation (null = run to the logits).</summary>
    static int? StopLayer(TransformerConfig config, IReadOnlyList<HookPoint> wanted)
    {
        if (wanted.Any(p => p.Name is HookNames.LnFinal or HookNames.Logits)) return null;
        return wanted.Count == 0 ? null : wanted.Max(p => p.Block is int b ? b + 1 : 0);
    }

    /// <summary>Frees every cached tensor.</summary>
    public void Dispose()
    {
        Output?.Dispose();
        foreach (var tensor in activations.Values) tensor.Dispose();
        activations.Clear();
    }
}
