using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>
/// What every block needs from one forward pass besides the residual stream: the attention mask, the
/// token positions (from the attention mask, so left and right padding agree) and the rotary tables.
/// </summary>
public sealed class ForwardState
{
    /// <summary>Allowed (query, key) pairs, [batch, 1, pos, pos] bool; null = plain causal or full attention without padding.</summary>
    public Tensor? Mask { get; }
    /// <summary>Use the attention kernel's own causal mask (no padding, causal model).</summary>
    public bool IsCausal { get; }
    /// <summary>Position of each token counted over real tokens only: [batch, pos] int64.</summary>
    public Tensor Positions { get; }
    /// <summary>Rotary cosines, [batch, 1, pos, rotary_dims] (null without rotary).</summary>
    public Tensor? Cos { get; }
    /// <summary>Rotary sines, [batch, 1, pos, rotary_dims] (null without rotary).</summary>
    public Tensor? Sin { get; }

    ForwardState(Tensor? mask, bool isCausal, Tensor positions, Tensor? cos, Tensor? sin)
    {
        Mask = mask;
        IsCausal = isCausal;
        Positions = positions;
        Cos = cos;
        Sin = sin;
    }

    /// <summary>Builds the state for a batch of <paramref name="length"/> tokens per row.</summary>
    /// <param name="config">The model's configuration.</param>
    /// <param name="rotary">The model's rotary tables (null without rotary).</param>
    /// <param name="batch">Rows.</param>
    /// <param name="length">Tokens per row.</param>
    /// <param name="attentionMask">[batch, pos], nonzero = real token; null = all real.</param>
    /// <param name="device">The model's device.</param>
    /// <param name="dtype">The model's compute dtype.</param>
    public static ForwardState Create(TransformerConfig config, RotaryEmbedding? rotary, long batch, long length, Tensor? attentionMask, Device device, ScalarType dtype)
    {
        Tensor? mask = null;
        bool isCausal = false;
        Tensor positions;
        // A mask without padding takes the fast path: the attention kernel's own causal masking.
        if (attentionMask is not null && attentionMask.ne(0).all().item<bool>()) attentionMask = null;
        if (attentionMask is null)
        {
            positions = arange(length, dtype: ScalarType.Int64, device: device).unsqueeze(0).expand(batch, length); // [batch, pos]
            if (config.SlidingWindow is null) isCausal = config.Causal;
            else mask = AllowedPairs(config, length, device).unsqueeze(0).unsqueeze(0);
        }
        else
        {
            var real = attentionMask.to(device).ne(0); // [batch, pos]
            positions = real.to(ScalarType.Int64).cumsum(1).sub(1).clamp_min(0); // [batch, pos]
            var allowed = real.unsqueeze(1).unsqueeze(1); // [batch, 1, 1, pos]
            if (config.Causal || config.SlidingWindow is not null)
                allowed = allowed.logical_and(AllowedPairs(config, length, device)); // [batch, 1, pos, pos]
            // Every query may see itself, so padding queries never get an all-masked row (NaN) that could leak.
            mask = allowed.logical_or(eye(length, dtype: ScalarType.Bool, device: device));
        }
        if (positions.max().item<long>() >= config.Context && config.Positions == PositionKind.Learned)
            throw new WorldProbeException($"a sequence of {length} tokens is longer than this {config.Architecture} model's context of {config.Context} positions; shorten the input.");
        var (cos, sin) = rotary is null ? ((Tensor?)null, (Tensor?)null) : rotary.Tables(positions, dtype);
        return new ForwardState(mask, isCausal, positions, cos, sin);
    }

    static Tensor AllowedPairs(TransformerConfig config, long length, Device device)
    {
        var query = arange(length, device: device).unsqueeze(1); // [pos, 1]
        var key = arange(length, device: device).unsqueeze(0); // [1, pos]
        var allowed = config.Causal ? key.le(query) : ones(length, length, dtype: ScalarType.Bool, device: device);
        if (config.SlidingWindow is int window) allowed = allowed.logical_and(query.sub(key).lt(window));
        return allowed; // [pos, pos]
    }
}
