using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>Where a loaded model lives and what dtype it computes in.</summary>
/// <param name="Device">The device for parameters and activations (null = CPU).</param>
/// <param name="DType">The compute dtype: Float32 (default) or BFloat16 (weights are converted while loading).</param>
public sealed record ModelLoadOptions(Device? Device = null, ScalarType DType = ScalarType.Float32)
{
    /// <summary>CPU, fp32.</summary>
    public static ModelLoadOptions Default { get; } = new();
}
