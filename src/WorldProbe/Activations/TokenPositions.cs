using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>Which token positions to read from each sequence of a padded batch.</summary>
public static class TokenPositions
{
    /// <summary>The index of the last real token of each row (left or right padding): [batch] int64.</summary>
    public static Tensor LastReal(Tensor attentionMask)
    {
        var real = attentionMask.ne(0); // [batch, pos]
        var index = arange(attentionMask.shape[1], dtype: ScalarType.Int64, device: attentionMask.device); // [pos]
        return real.to(ScalarType.Int64).mul(index.add(1)).argmax(1); // [batch]
    }

    /// <summary>The same position <paramref name="position"/> in each of <paramref name="batch"/> rows: [batch] int64.</summary>
    public static Tensor Fixed(long batch, long position, Device? device = null) =>
        full(batch, position, dtype: ScalarType.Int64, device: device);
}
