using WorldProbe.Transformers;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.Tests.MiniLM;

/// <summary>WorldProbe's own BERT (TransformerLoader) on the imported MiniLM folder against ONNX Runtime on the original graph.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class RuntimeBertTests(MiniLmFixture fixture)
{
    [Fact]
    public void RuntimeBertReproducesOnnxRuntimeOnAPaddedBatch()
    {
        using var tokenizer = TokenizerLoader.Load(fixture.Folder);
        var batch = PaddedBatch.Encode(tokenizer, MiniLmFixture.Sentences);
        using var model = TransformerLoader.Load(fixture.Folder);
        Assert.Equal("bert", model.Config.Architecture);
        Assert.Equal(6, model.Config.NLayers);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long[] shape = [batch.BatchSize, batch.Length];
        // BERT has no unembedding: the forward returns the residual stream after the last block, last_hidden_state.
        var ours = model.Forward(tensor(batch.InputIds, shape), tensor(batch.AttentionMask, shape), tokenTypeIds: tensor(batch.TokenTypeIds, shape));
        var reference = tensor(fixture.Reference.LastHiddenState(batch), [batch.BatchSize, batch.Length, 384]);
        HiddenStateComparison.AssertClose(reference, ours, batch);

        // Layer 6 (after all six blocks) through stopAtLayer is the same tensor.
        var layer6 = model.Forward(tensor(batch.InputIds, shape), tensor(batch.AttentionMask, shape), stopAtLayer: 6, tokenTypeIds: tensor(batch.TokenTypeIds, shape));
        HiddenStateComparison.AssertClose(reference, layer6, batch);
    }
}
