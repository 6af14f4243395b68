using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// The MLP: down(act(up(x))), or for gated MLPs down(act(gate(x)) * up(x)) with gate and up fused into one
/// projection. Pre-activations and neuron activations go through hook points.
/// </summary>
public sealed class Mlp : Module<Tensor, Tensor>
{
    readonly bool gated;
    readonly Activation activation;
    readonly Projection up;
    readonly Projection down;
    readonly HookPoint hookPre, hookPost;

    /// <summary>Creates uninitialised MLP weights for block <paramref name="block"/>.</summary>
    public Mlp(TransformerConfig config, int block, Device device, ScalarType dtype) : base(nameof(Mlp))
    {
        gated = config.GatedMlp;
        activation = config.Activation;
        up = new Projection(config.DModel, (gated ? 2 : 1) * (long)config.DMlp, config.MlpBias, device, dtype);
        down = new Projection(config.DMlp, config.DModel, config.MlpBias, device, dtype);
        register_module("up", up);
        register_module("down", down);
        hookPre = new HookPoint(HookNames.MlpPre(block), block);
        hookPost = new HookPoint(HookNames.MlpPost(block), block);
    }

    /// <summary>The hook points this module owns.</summary>
    public IEnumerable<HookPoint> HookPoints => [hookPre, hookPost];

    /// <summary>x: [batch, pos, d_model] -> [batch, pos, d_model].</summary>
    public override Tensor forward(Tensor x)
    {
        var projected = up.forward(x); // [batch, pos, d_mlp] or [batch, pos, 2 d_mlp] (gate, up)
        Tensor post;
        if (gated)
        {
            var halves = projected.chunk(2, -1);
            var pre = hookPre.Apply(halves[0]); // [batch, pos, d_mlp]
            post = hookPost.Apply(Activate(pre).mul(halves[1]));
        }
        else
        {
            var pre = hookPre.Apply(projected);
            post = hookPost.Apply(Activate(pre));
        }
        return down.forward(post);
    }

    Tensor Activate(Tensor x) => activation switch
    {
        Activation.Gelu => functional.gelu(x),
        Activation.GeluTanh => functional.gelu(x, TorchSharp.Modules.GELU.Approximate.tanh),
        Activation.Silu => functional.silu(x),
        Activation.Relu => functional.relu(x),
        _ => throw new InvalidOperationException($"unknown activation {activation}"),
    };
}
