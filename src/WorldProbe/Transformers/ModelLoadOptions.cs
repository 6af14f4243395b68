using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>Where a loaded model lives and what dtype it computes in.</summary>
/// <param name="Device">The device for parameters and activations (null = CPU).</param>
/// <param name="DType">The compute dtype: Float32 (default) or BFloat16 (weights are converted while loading).</param>
/// <param name="RotaryFrequencyDType">
/// Null (default): rotary inverse frequencies are exact float32. Set it to reproduce a reference that transformers
/// computed after loading a checkpoint in its stored bf16/fp16 dtype: transformers then rounds its inv_freq buffer to
/// that dtype, which moves a Llama's activations by about 1e-4 (relative) from the exact-frequency result.
/// </param>
public sealed record ModelLoadOptions(Device? Device = null, ScalarType DType = ScalarType.Float32, ScalarType? RotaryFrequencyDType = null)
{
    /// <summary>CPU, fp32.</summary>
    public static ModelLoadOptions Default { get; } = new();
}
