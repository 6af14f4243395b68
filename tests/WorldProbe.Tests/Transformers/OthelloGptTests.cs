using WorldProbe.Compute;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Architectures;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class OthelloGptTests
{
    static readonly OthelloGptConfig Small = new(NLayers: 2, NHeads: 4, DModel: 32, DMlp: 128, Dropout: 0.1);

    public OthelloGptTests() => TorchRuntime.Initialize();

    static Tensor Games() => randint(1, 61, [3, 59], dtype: ScalarType.Int64, generator: new Generator(4));

    [Fact]
    public void SavedFolderLoadsBackWithIdenticalLogits()
    {
        using var scope = NewDisposeScope();
        using var folder = new TemporaryFolder();
        using var model = WorldProbe.Transformers.OthelloGpt.Create(Small, seed: 1);
        model.eval();
        WorldProbe.Transformers.OthelloGpt.Save(model, folder.Path);
        using var loaded = TransformerLoader.Load(folder.Path);
        Assert.Equal(model.Config, loaded.Config);
        Assert.Equal(Small, OthelloGptConfig.From(loaded.Config));
        using var noGrad = no_grad();
        Assert.True(model.forward(Games()).allclose(loaded.forward(Games()), rtol: 0, atol: 0));
    }

    [Fact]
    public void TransformerLensLayoutLoadsBackWithTheSameLogits()
    {
        using var scope = NewDisposeScope();
        using var folder = new TemporaryFolder();
        using var model = WorldProbe.Transformers.OthelloGpt.Create(Small, seed: 2);
        model.eval();
        TransformerLensFormat.Write(model, folder.File("othello_tl.safetensors"));
        using var loaded = TransformerLoader.Load(folder.File("othello_tl.safetensors"));
        using var noGrad = no_grad();
        Assert.True(model.forward(Games()).allclose(loaded.forward(Games()), rtol: 0, atol: 1e-6));
    }

    [Fact]
    public void TransformerLensTensorsFollowTheirDocumentedEinsums()
    {
        // TransformerLens: q[h] = x @ W_Q[h] + b_Q[h]; attn_out = sum_h z[h] @ W_O[h] + b_O; pre = x @ W_in + b_in; logits = x @ W_U + b_U.
        using var scope = NewDisposeScope();
        using var folder = new TemporaryFolder();
        using var model = WorldProbe.Transformers.OthelloGpt.Create(Small, seed: 3);
        TransformerLensFormat.Write(model, folder.File("tl.safetensors"));
        using var tl = SafetensorsFile.Open(folder.File("tl.safetensors"));
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter.detach());
        var x = randn([5, 32], generator: new Generator(6));
        var ours = nn.functional.linear(x, p["blocks.1.attn.qkv.weight"], p["blocks.1.attn.qkv.bias"]); // [5, 3 * 32]
        for (int h = 0; h < 4; h++)
        {
            var q = x.matmul(tl.Read("blocks.1.attn.W_Q")[h]).add(tl.Read("blocks.1.attn.b_Q")[h]);
            var v = x.matmul(tl.Read("blocks.1.attn.W_V")[h]).add(tl.Read("blocks.1.attn.b_V")[h]);
            Assert.True(q.allclose(ours.narrow(1, h * 8, 8), atol: 1e-6));
            Assert.True(v.allclose(ours.narrow(1, 64 + h * 8, 8), atol: 1e-6));
        }
        var z = randn([5, 4, 8], generator: new Generator(7));
        var wO = tl.Read("blocks.1.attn.W_O");
        var theirsOut = Enumerable.Range(0, 4).Select(h => z.select(1, h).matmul(wO[h])).Aggregate((a, b) => a.add(b)).add(tl.Read("blocks.1.attn.b_O"));
        Assert.True(theirsOut.allclose(nn.functional.linear(z.reshape(5, 32), p["blocks.1.attn.out.weight"], p["blocks.1.attn.out.bias"]), atol: 1e-6));
        Assert.True(x.matmul(tl.Read("blocks.0.mlp.W_in")).add(tl.Read("blocks.0.mlp.b_in")).allclose(nn.functional.linear(x, p["blocks.0.mlp.up.weight"], p["blocks.0.mlp.up.bias"]), atol: 1e-6));
        Assert.True(x.matmul(tl.Read("unembed.W_U")).allclose(nn.functional.linear(x, p["unembed.weight"]), atol: 1e-6));
    }

    [Fact]
    public void DropoutActsOnlyInTrainingAndGradientsReachEveryParameter()
    {
        using var scope = NewDisposeScope();
        using var model = WorldProbe.Transformers.OthelloGpt.Create(Small, seed: 5);
        var games = Games();
        Assert.False(model.forward(games).allclose(model.forward(games), rtol: 0, atol: 0), "training mode: dropout makes two passes differ");
        var loss = nn.functional.cross_entropy(model.forward(games).reshape(-1, 61), games.reshape(-1));
        loss.backward();
        Assert.All(model.named_parameters(), p => Assert.True(p.parameter.grad is not null && p.parameter.grad.abs().sum().item<float>() > 0, p.name));
        model.eval();
        using var noGrad = no_grad();
        Assert.True(model.forward(games).allclose(model.forward(games), rtol: 0, atol: 0), "eval mode is deterministic");
        Assert.Equal(59 * 32 + 61 * 32 * 2 + 2 * 32 + 2 * (4 * 32 + 3 * 32 * 32 + 3 * 32 + 32 * 32 + 32 + 2 * 32 * 128 + 128 + 32), model.ParameterCount);
    }

    [Fact]
    public void FreshWeightsFollowTheMinGptScheme()
    {
        using var model = WorldProbe.Transformers.OthelloGpt.Create(OthelloGptConfig.Default, seed: 9);
        foreach (var (name, p) in model.named_parameters())
        {
            if (name.Contains("ln", StringComparison.Ordinal))
                Assert.Equal(name.EndsWith("weight", StringComparison.Ordinal) ? 1f : 0f, p.mean().item<float>());
            else if (name.EndsWith(".bias", StringComparison.Ordinal))
                Assert.Equal(0f, p.abs().max().item<float>());
            else
                Assert.InRange(p.std().item<float>(), 0.0195f, 0.0205f);
        }
        Assert.InRange(model.ParameterCount, 25_200_000, 25_400_000); // "about 25.3M parameters" (Li et al.)
    }
}
