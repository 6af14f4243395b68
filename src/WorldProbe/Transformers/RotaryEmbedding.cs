using TorchSharp;
using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>
/// Rotary position embeddings (half-split "rotate_half" convention of Llama and GPT-NeoX) on the first
/// <see cref="RotaryConfig.Dims"/> dims of each head, with default, linear or llama3 frequency scaling.
/// </summary>
public sealed class RotaryEmbedding
{
    readonly Tensor inverseFrequencies; // [dims / 2] float32

    /// <summary>Rotated dims per head.</summary>
    public int Dims { get; }

    /// <summary>Precomputes the frequencies on <paramref name="device"/>.</summary>
    public RotaryEmbedding(RotaryConfig config, Device device)
    {
        Dims = config.Dims;
        // Computed as transformers does (float32 pow), so the tables agree to the last bit or two.
        var exponents = arange(0, config.Dims, 2, dtype: ScalarType.Int64).to(ScalarType.Float32).div(config.Dims);
        var frequencies = pow(tensor((float)config.Theta), exponents).reciprocal();
        frequencies = config.ScalingType switch
        {
            "default" => frequencies,
            "linear" => frequencies.div(config.Factor),
            "llama3" => Llama3Scaled(frequencies, config),
            _ => throw new WorldProbeException($"rope scaling type '{config.ScalingType}' is not supported (supported: default, linear, llama3)."),
        };
        if (config.FrequencyDType is { } rounding) frequencies = frequencies.to(rounding).to(ScalarType.Float32);
        inverseFrequencies = frequencies.to(device).DetachFromDisposeScope();
    }

    static Tensor Llama3Scaled(Tensor frequencies, RotaryConfig config)
    {
        double lowWavelength = config.OriginalContext / config.LowFreqFactor;
        double highWavelength = config.OriginalContext / config.HighFreqFactor;
        var wavelength = frequencies.reciprocal().mul(2 * Math.PI);
        var scaled = where(wavelength.gt(lowWavelength), frequencies.div(config.Factor), frequencies);
        var smooth = wavelength.reciprocal().mul(config.OriginalContext).sub(config.LowFreqFactor).div(config.HighFreqFactor - config.LowFreqFactor);
        var smoothed = smooth.neg().add(1).mul(scaled).div(config.Factor).add(smooth.mul(scaled));
        var medium = wavelength.lt(highWavelength).logical_not().logical_and(wavelength.gt(lowWavelength).logical_not());
        return where(medium, smoothed, scaled);
    }

    /// <summary>Cos and sin tables for the given positions: each [batch, 1, pos, dims], in <paramref name="dtype"/>.</summary>
    public (Tensor Cos, Tensor Sin) Tables(Tensor positions, ScalarType dtype)
    {
        var angles = positions.to(ScalarType.Float32).unsqueeze(-1).mul(inverseFrequencies); // [batch, pos, dims / 2]
        var doubled = cat([angles, angles], -1).unsqueeze(1); // [batch, 1, pos, dims]
        return (doubled.cos().to(dtype), doubled.sin().to(dtype));
    }

    /// <summary>Rotates the first Dims of each head of <paramref name="x"/> [batch, head, pos, d_head].</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        long dims = cos.shape[^1];
        long dHead = x.shape[^1];
        var rotated = dims == dHead ? x : x.narrow(-1, 0, dims); // [batch, head, pos, dims]
        var halves = rotated.chunk(2, -1);
        var turned = cat([halves[1].neg(), halves[0]], -1);
        var result = rotated.mul(cos).add(turned.mul(sin));
        return dims == dHead ? result : cat([result, x.narrow(-1, dims, dHead - dims)], -1);
    }
}
