using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>LayerNorm (weight and bias) or RMSNorm (weight only, computed in fp32 as Llama does).</summary>
public sealed class Norm : Module<Tensor, Tensor>
{
    readonly NormKind kind;
    readonly double eps;
    readonly long width;
    readonly TorchSharp.Modules.Parameter weight;
    readonly TorchSharp.Modules.Parameter? bias;

    /// <summary>Creates an uninitialised norm over the last dimension of width <paramref name="width"/>.</summary>
    public Norm(NormKind kind, long width, double eps, Device device, ScalarType dtype) : base(nameof(Norm))
    {
        this.kind = kind;
        this.eps = eps;
        this.width = width;
        weight = new TorchSharp.Modules.Parameter(ones(width, dtype: dtype, device: device));
        register_parameter("weight", weight);
        if (kind == NormKind.LayerNorm)
        {
            bias = new TorchSharp.Modules.Parameter(zeros(width, dtype: dtype, device: device));
            register_parameter("bias", bias);
        }
    }

    /// <summary>Normalises x: [..., width].</summary>
    public override Tensor forward(Tensor x)
    {
        if (kind == NormKind.LayerNorm) return functional.layer_norm(x, [width], weight, bias, eps);
        var wide = x.to(ScalarType.Float32);
        var scaled = wide.mul(wide.pow(2).mean([-1], keepdim: true).add(eps).rsqrt());
        return weight.mul(scaled.to(x.dtype));
    }
}
