using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// Multi-head self-attention with one fused query/key/value projection, grouped-query heads, optional
/// rotary positions and the fused scaled_dot_product_attention kernel (scale 1/sqrt(d_head)). The attention
/// pattern is computed explicitly only when a hook reads it or dropout acts on it.
/// </summary>
public sealed class Attention : Module<Tensor, ForwardState, Tensor>
{
    readonly int nHeads, nKeyValueHeads, dHead;
    readonly double dropout;
    readonly Projection qkv;
    readonly Projection output;
    readonly HookPoint hookPattern;

    /// <summary>Creates uninitialised attention weights for block <paramref name="block"/>.</summary>
    public Attention(TransformerConfig config, int block, Device device, ScalarType dtype) : base(nameof(Attention))
    {
        hookPattern = new HookPoint(HookNames.AttnPattern(block), block);
        nHeads = config.NHeads;
        nKeyValueHeads = config.KeyValueHeads;
        dHead = config.DHead;
        dropout = config.Dropout;
        qkv = new Projection(config.DModel, (nHeads + 2 * nKeyValueHeads) * dHead, config.QkvBias, device, dtype);
        output = new Projection(nHeads * dHead, config.DModel, config.AttentionOutBias, device, dtype);
        register_module("qkv", qkv);
        register_module("out", output);
    }

    /// <summary>The attention pattern hook point (softmax probabilities, [batch, head, query pos, key pos]).</summary>
    public HookPoint PatternHook => hookPattern;

    /// <summary>x: [batch, pos, d_model] -> [batch, pos, d_model].</summary>
    public override Tensor forward(Tensor x, ForwardState state)
    {
        long batch = x.shape[0], length = x.shape[1];
        int queryAndKeyHeads = nHeads + nKeyValueHeads;
        var heads = qkv.forward(x).view(batch, length, queryAndKeyHeads + nKeyValueHeads, dHead).transpose(1, 2); // [batch, q+k+v heads, pos, d_head]
        var qk = heads.narrow(1, 0, queryAndKeyHeads); // [batch, q+k heads, pos, d_head]
        if (state.Cos is not null && state.Sin is not null)
            qk = RotaryEmbedding.Apply(qk, state.Cos, state.Sin); // queries and keys rotated in one pass
        var q = qk.narrow(1, 0, nHeads); // [batch, head, pos, d_head]
        var k = qk.narrow(1, nHeads, nKeyValueHeads); // [batch, kv_head, pos, d_head]
        var v = heads.narrow(1, queryAndKeyHeads, nKeyValueHeads); // [batch, kv_head, pos, d_head]
        if (nKeyValueHeads != nHeads)
        {
            k = k.repeat_interleave(nHeads / nKeyValueHeads, dim: 1); // [batch, head, pos, d_head]
            v = v.repeat_interleave(nHeads / nKeyValueHeads, dim: 1);
        }
        var z = hookPattern.HasHooks || training && dropout > 0
            ? WrittenOut(q, k, v, state)
            : functional.scaled_dot_product_attention(q, k, v, state.Mask, 0, state.IsCausal); // [batch, head, pos, d_head]
        return output.forward(z.transpose(1, 2).reshape(batch, length, nHeads * dHead)); // [batch, pos, d_model]
    }

    /// <summary>
    /// Attention written out (as minGPT does), so the pattern can be hooked and dropped out: libtorch's fused
    /// kernel exposes no pattern and falls back to a far slower path on the CPU when asked for dropout.
    /// </summary>
    Tensor WrittenOut(Tensor q, Tensor k, Tensor v, ForwardState state)
    {
        long length = q.shape[2];
        var scores = q.matmul(k.transpose(-2, -1)).mul(1.0 / Math.Sqrt(dHead)); // [batch, head, pos, pos]
        var allowed = state.Mask ?? (state.IsCausal ? ones(length, length, dtype: ScalarType.Bool, device: q.device).tril() : null);
        if (allowed is not null) scores = scores.masked_fill(allowed.logical_not(), double.NegativeInfinity);
        var pattern = hookPattern.Apply(functional.softmax(scores, -1)); // [batch, head, query pos, key pos]
        if (training && dropout > 0) pattern = functional.dropout(pattern, dropout, training: true);
        return pattern.matmul(v);
    }
}
