using WorldProbe.Compute;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class PaddingTests
{
    public PaddingTests() => TorchRuntime.Initialize();

    /// <summary>Moves each row's real tokens to the end (left padding with pad id 0).</summary>
    static (Tensor Ids, Tensor Mask, long[][] Columns) LeftPadded(Tensor ids, Tensor mask)
    {
        long rows = ids.shape[0], length = ids.shape[1];
        var leftIds = zeros_like(ids);
        var leftMask = zeros_like(mask);
        var columns = new long[rows][];
        for (long r = 0; r < rows; r++)
        {
            long real = mask[r].sum().item<long>();
            leftIds[r].narrow(0, length - real, real).copy_(ids[r].narrow(0, 0, real));
            leftMask[r].narrow(0, length - real, real).fill_(1);
            columns[r] = Enumerable.Range(0, (int)real).Select(i => length - real + i).ToArray();
        }
        return (leftIds, leftMask, columns);
    }

    [Theory]
    [InlineData("llama")]
    [InlineData("llama31_rope_scaled")]
    [InlineData("gpt2")]
    [InlineData("gpt_neox")]
    [InlineData("bert")]
    public void LeftPaddedBatchMatchesTransformersAtEveryRealToken(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        using var reference = CheckpointReader.OpenFile(Path.Combine(FixtureModels.Folder(name), "expected.safetensors"));
        var ids = reference.Read("input_ids");
        var mask = reference.Read("attention_mask");
        var (leftIds, leftMask, columns) = LeftPadded(ids, mask);
        string last = $"resid_post.{model.Config.NLayers - 1}";
        Tensor ours;
        using (var noGrad = no_grad())
            ours = model.Forward(leftIds, leftMask, stopAtLayer: model.Config.NLayers);
        var expected = reference.Read(last);
        for (int r = 0; r < columns.Length; r++)
        {
            var theirs = expected[r].narrow(0, 0, columns[r].Length); // right padded: real tokens first
            var mine = ours[r].index_select(0, tensor(columns[r]));
            double relative = mine.sub(theirs).abs().max().item<float>() / theirs.abs().max().item<float>();
            Assert.True(relative <= 1e-4, $"{name} row {r}: relative error {relative:E2} at {last}");
        }
    }
}
