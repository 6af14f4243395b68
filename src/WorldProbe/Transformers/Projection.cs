using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// A linear map y = x W^T + b with weight [out, in] (the PyTorch layout). Unlike nn.Linear it is created
/// without a random initialisation, so loading a checkpoint does not pay for one.
/// </summary>
public sealed class Projection : Module<Tensor, Tensor>
{
    /// <summary>Weight [out, in].</summary>
    public TorchSharp.Modules.Parameter Weight { get; }
    /// <summary>Bias [out], or null.</summary>
    public TorchSharp.Modules.Parameter? Bias { get; }

    /// <summary>Creates an uninitialised projection.</summary>
    public Projection(long inFeatures, long outFeatures, bool hasBias, Device device, ScalarType dtype) : base(nameof(Projection))
    {
        Weight = new TorchSharp.Modules.Parameter(empty(outFeatures, inFeatures, dtype: dtype, device: device));
        register_parameter("weight", Weight);
        if (hasBias)
        {
            Bias = new TorchSharp.Modules.Parameter(zeros(outFeatures, dtype: dtype, device: device));
            register_parameter("bias", Bias);
        }
    }

    /// <summary>x: [..., in] -> [..., out].</summary>
    public override Tensor forward(Tensor x) => functional.linear(x, Weight, Bias);
}
