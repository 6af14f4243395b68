using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.Tests.MiniLM;

/// <summary>The MiniLM acceptance measure: max|diff| / max|ref| over real (non-padding) tokens below 1e-4.</summary>
static class HiddenStateComparison
{
    public static void AssertClose(Tensor reference, Tensor actual, PaddedBatch batch)
    {
        Assert.Equal(reference.shape, actual.shape);
        // Padding rows are not defined by the model: compare real tokens only.
        var real = tensor(batch.AttentionMask, [batch.BatchSize, batch.Length]).to(ScalarType.Bool);
        double maxDiff = (reference - actual.to(reference.device)).abs()[real].max().item<float>();
        double scale = reference.abs()[real].max().item<float>();
        Assert.True(maxDiff / scale < 1e-4, $"max|diff| / max|ref| = {maxDiff / scale:E3} (max|diff| {maxDiff:E3}, max|ref| {scale:F3})");
    }
}
