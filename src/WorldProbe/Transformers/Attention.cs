using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// Multi-head self-attention with one fused query/key/value projection, grouped-query heads, optional
/// rotary positions and the fused scaled_dot_product_attention kernel (scale 1/sqrt(d_head)).
/// </summary>
public sealed class Attention : Module<Tensor, ForwardState, Tensor>
{
    readonly int nHeads, nKeyValueHeads, dHead;
    readonly double dropout;
    readonly Projection qkv;
    readonly Projection output;

    /// <summary>Creates uninitialised attention weights for <paramref name="config"/>.</summary>
    public Attention(TransformerConfig config, Device device, ScalarType dtype) : base(nameof(Attention))
    {
        nHeads = config.NHeads;
        nKeyValueHeads = config.KeyValueHeads;
        dHead = config.DHead;
        dropout = config.Dropout;
        qkv = new Projection(config.DModel, (nHeads + 2 * nKeyValueHeads) * dHead, config.QkvBias, device, dtype);
        output = new Projection(nHeads * dHead, config.DModel, config.AttentionOutBias, device, dtype);
        register_module("qkv", qkv);
        register_module("out", output);
    }

    /// <summary>x: [batch, pos, d_model] -> [batch, pos, d_model].</summary>
    public override Tensor forward(Tensor x, ForwardState state)
    {
        long batch = x.shape[0], length = x.shape[1];
        var parts = qkv.forward(x).split([nHeads * dHead, nKeyValueHeads * dHead, nKeyValueHeads * dHead], -1);
        var q = parts[0].view(batch, length, nHeads, dHead).transpose(1, 2); // [batch, head, pos, d_head]
        var k = parts[1].view(batch, length, nKeyValueHeads, dHead).transpose(1, 2); // [batch, kv_head, pos, d_head]
        var v = parts[2].view(batch, length, nKeyValueHeads, dHead).transpose(1, 2); // [batch, kv_head, pos, d_head]
        if (state.Cos is not null && state.Sin is not null)
        {
            q = RotaryEmbedding.Apply(q, state.Cos, state.Sin);
            k = RotaryEmbedding.Apply(k, state.Cos, state.Sin);
        }
        if (nKeyValueHeads != nHeads)
        {
            k = k.repeat_interleave(nHeads / nKeyValueHeads, dim: 1); // [batch, head, pos, d_head]
            v = v.repeat_interleave(nHeads / nKeyValueHeads, dim: 1);
        }
        var z = functional.scaled_dot_product_attention(q, k, v, state.Mask, training ? dropout : 0, state.IsCausal); // [batch, head, pos, d_head]
        return output.forward(z.transpose(1, 2).reshape(batch, length, nHeads * dHead)); // [batch, pos, d_model]
    }
}
