using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// One transformer block: attention and MLP around two norms, wired pre-norm, parallel or post-norm. Every
/// residual-stream quantity goes through a hook point.
/// </summary>
public sealed class TransformerBlock : Module<Tensor, ForwardState, Tensor>
{
    readonly BlockLayout layout;
    readonly Norm ln1, ln2;
    readonly Attention attn;
    readonly Mlp mlp;
    readonly TorchSharp.Modules.Dropout residDropout;
    readonly double dropoutProbability;
    readonly HookPoint hookResidPre, hookAttnOut, hookResidMid, hookMlpOut, hookResidPost;

    /// <summary>Creates block <paramref name="index"/> with uninitialised weights.</summary>
    public TransformerBlock(TransformerConfig config, int index, Device device, ScalarType dtype) : base(nameof(TransformerBlock))
    {
        layout = config.Layout;
        ln1 = new Norm(config.Norm, config.DModel, config.NormEps, device, dtype);
        attn = new Attention(config, index, device, dtype);
        ln2 = new Norm(config.Norm, config.DModel, config.NormEps, device, dtype);
        mlp = new Mlp(config, index, device, dtype);
        residDropout = Dropout(config.Dropout);
        dropoutProbability = config.Dropout;
        register_module("ln1", ln1);
        register_module("attn", attn);
        register_module("ln2", ln2);
        register_module("mlp", mlp);
        register_module("dropout", residDropout);
        hookResidPre = new HookPoint(HookNames.ResidPre(index), index);
        hookAttnOut = new HookPoint(HookNames.AttnOut(index), index);
        hookResidMid = new HookPoint(HookNames.ResidMid(index), index);
        hookMlpOut = new HookPoint(HookNames.MlpOut(index), index);
        hookResidPost = new HookPoint(HookNames.ResidPost(index), index);
    }

    /// <summary>The hook points of this block, in forward order.</summary>
    public IEnumerable<HookPoint> HookPoints =>
        [hookResidPre, attn.PatternHook, hookAttnOut, hookResidMid, .. mlp.HookPoints, hookMlpOut, hookResidPost];

    // Without dropout the module is skipped: in training mode it would still copy every activation.
    Tensor Drop(Tensor x) => dropoutProbability > 0 ? residDropout.forward(x) : x;

    /// <summary>x: [batch, pos, d_model] (resid_pre) -> [batch, pos, d_model] (resid_post).</summary>
    public override Tensor forward(Tensor x, ForwardState state)
    {
        x = hookResidPre.Apply(x);
        switch (layout)
        {
            case BlockLayout.PreNorm:
            {
                var attnOut = hookAttnOut.Apply(Drop(attn.forward(ln1.forward(x), state)));
                var mid = hookResidMid.Apply(x.add(attnOut));
                var mlpOut = hookMlpOut.Apply(Drop(mlp.forward(ln2.forward(mid))));
                return hookResidPost.Apply(mid.add(mlpOut));
            }
            case BlockLayout.ParallelPreNorm:
            {
                // Both branches read resid_pre; resid_mid (x + attn_out) is exposed for uniformity only.
                var attnOut = hookAttnOut.Apply(Drop(attn.forward(ln1.forward(x), state)));
                var mlpOut = hookMlpOut.Apply(Drop(mlp.forward(ln2.forward(x))));
                var mid = hookResidMid.Apply(x.add(attnOut));
                return hookResidPost.Apply(mid.add(mlpOut));
            }
            default:
            {
                // Post-norm: the stream itself is normalised after each sub-layer.
                var attnOut = hookAttnOut.Apply(Drop(attn.forward(x, state)));
                var mid = hookResidMid.Apply(ln1.forward(x.add(attnOut)));
                var mlpOut = hookMlpOut.Apply(Drop(mlp.forward(mid)));
                return hookResidPost.Apply(ln2.forward(mid.add(mlpOut)));
            }
        }
    }
}
