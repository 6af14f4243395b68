using WorldProbe.Activations;
using WorldProbe.Compute;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class HookTests
{
    public HookTests() => TorchRuntime.Initialize();

    [Theory]
    [InlineData("llama")]
    [InlineData("gpt2")]
    [InlineData("gpt_neox")]
    public void AddingAVectorAtResidPostEqualsRunningTheRestOnTheEditedStream(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        using var reference = CheckpointReader.OpenFile(Path.Combine(FixtureModels.Folder(name), "expected.safetensors"));
        var ids = reference.Read("input_ids");
        var mask = reference.Read("attention_mask");
        var direction = randn(model.Config.DModel, generator: new Generator(11)).mul(3); // [d_model]
        using var noGrad = no_grad();

        var clean = model.Forward(ids, mask);
        Tensor hooked;
        using (model.AddHook("blocks.1.hook_resid_post", (x, _) => x.add(direction)))
            hooked = model.Forward(ids, mask);
        var edited = model.Forward(ids, mask, stopAtLayer: 2).add(direction); // layer 2 = after blocks 0 and 1
        var manual = model.ForwardFromLayer(edited, 2, mask);

        Assert.True(hooked.allclose(manual, rtol: 0, atol: 1e-6));
        Assert.True(hooked.sub(clean).abs().max().item<float>() > 1e-2, "the edit must change the logits");
        Assert.True(model.Forward(ids, mask).allclose(clean, rtol: 0, atol: 0), "removing the hook restores the model");
    }

    [Fact]
    public void ResidualStreamCacheReturnsTheReferenceStreamAtTheLastRealToken()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("llama");
        using var reference = CheckpointReader.OpenFile(Path.Combine(FixtureModels.Folder("llama"), "expected.safetensors"));
        var ids = reference.Read("input_ids");
        var mask = reference.Read("attention_mask");
        var last = TokenPositions.LastReal(mask);
        Assert.Equal(new long[] { 10, 6, 2 }, last.data<long>().ToArray());

        int[] layers = [0, 1, 2, 3];
        var stream = ResidualStreamCache.Collect(model, ids, mask, layers, last); // [layers, batch, d_model]
        Assert.Equal(new long[] { 4, 3, model.Config.DModel }, stream.shape);
        string[] names = ["embed", "resid_post.0", "resid_post.1", "resid_post.2"];
        for (int j = 0; j < layers.Length; j++)
            for (int row = 0; row < 3; row++)
            {
                var expected = reference.Read(names[j])[row][last[row]];
                Assert.True(stream[j][row].allclose(expected, rtol: 1e-4, atol: 1e-5), $"layer {j} row {row}");
            }
    }

    [Fact]
    public void CollectManyBatchesVariableLengthSequencesInTheGivenOrder()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("gpt_neox");
        using var reference = CheckpointReader.OpenFile(Path.Combine(FixtureModels.Folder("gpt_neox"), "expected.safetensors"));
        var ids = reference.Read("input_ids");
        var lengths = reference.Read("attention_mask").sum(1).data<long>().ToArray();
        var sequences = Enumerable.Range(0, 3).Select(r => ids[r].narrow(0, 0, lengths[r]).data<long>().ToArray()).ToList();
        int[] positions = [4, 6, 0];
        var stream = ResidualStreamCache.CollectMany(model, sequences, positions, [3, 1], batchSize: 2); // [layers, sequences, d_model]
        var source = new ResidualStreamSource(model, sequences, positions, [3, 1]);
        Assert.True(source.Run([2, 0]).allclose(stream.index_select(1, tensor(new long[] { 2, 0 })), rtol: 1e-5, atol: 1e-6));
        for (int r = 0; r < 3; r++)
        {
            Assert.True(stream[0][r].allclose(reference.Read("resid_post.2")[r][positions[r]], rtol: 1e-4, atol: 1e-5), $"layer 3 row {r}");
            Assert.True(stream[1][r].allclose(reference.Read("resid_post.0")[r][positions[r]], rtol: 1e-4, atol: 1e-5), $"layer 1 row {r}");
        }
    }

    [Fact]
    public void CachingAnEarlyLayerStopsTheForwardPassThere()
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load("gpt2");
        int deeperBlocksRun = 0;
        using var counter = model.AddHook("blocks.2.hook_resid_pre", (x, _) => { deeperBlocksRun++; return x; });
        var ids = randint(0, 512, [2, 7], dtype: ScalarType.Int64, generator: new Generator(5));
        using var cache = ActivationCache.Run(model, ids, names: ["blocks.0.hook_mlp_post", "blocks.1.hook_resid_post"], positions: tensor(new long[,] { { 0, 6 }, { 3, 4 } }));
        Assert.Equal(0, deeperBlocksRun);
        Assert.Equal(new long[] { 2, 2, model.Config.DMlp }, cache["blocks.0.hook_mlp_post"].shape);
        Assert.Equal(new long[] { 2, 2, model.Config.DModel }, cache["blocks.1.hook_resid_post"].shape);

        using var full = ActivationCache.Run(model, ids, names: ["blocks.1.hook_resid_post", "logits"]);
        Assert.Equal(1, deeperBlocksRun);
        Assert.Null(cache.Output);
        Assert.True(full.Output!.allclose(model.Forward(ids), rtol: 0, atol: 0));
        Assert.True(cache["blocks.1.hook_resid_post"][1][0].allclose(full["blocks.1.hook_resid_post"][1][3], rtol: 0, atol: 0));
    }

    [Theory]
    [InlineData("llama")]
    [InlineData("bert")]
    public void HookingThePatternKeepsTheOutputAndGivesCausalRowsSummingToOne(string name)
    {
        using var scope = NewDisposeScope();
        using var model = FixtureModels.Load(name);
        using var reference = CheckpointReader.OpenFile(Path.Combine(FixtureModels.Folder(name), "expected.safetensors"));
        var ids = reference.Read("input_ids");
        var mask = reference.Read("attention_mask");
        using var noGrad = no_grad();
        var fused = model.Forward(ids, mask);
        using var cache = ActivationCache.Run(model, ids, mask, ["blocks.1.attn.hook_pattern", "blocks.2.hook_resid_post"]);
        var pattern = cache["blocks.1.attn.hook_pattern"]; // [batch, head, query, key]
        Assert.Equal(new long[] { 3, model.Config.NHeads, 11, 11 }, pattern.shape);
        Assert.True(pattern.sum(-1).allclose(ones(3, model.Config.NHeads, 11), atol: 1e-5));
        // Row 2 has 3 real tokens: no real query attends to padding, and decoders never look ahead.
        Assert.Equal(0f, pattern[2, .., ..3, 3..].abs().max().item<float>());
        if (model.Config.Causal) Assert.Equal(0f, pattern[0].triu(1).abs().max().item<float>());
        Assert.True(cache["blocks.2.hook_resid_post"].allclose(model.Forward(ids, mask, stopAtLayer: 3), rtol: 1e-5, atol: 1e-5));
        // Decoders stopped before the head; BERT's output is its last block, so the cache holds it.
        if (model.Config.Unembed) Assert.Null(cache.Output);
        else Assert.True(cache.Output!.allclose(fused, rtol: 1e-5, atol: 1e-5));
        Assert.True(fused.allclose(model.Forward(ids, mask), rtol: 0, atol: 0));
    }

    [Fact]
    public void EveryArchitectureHasTheSameHookPointNames()
    {
        foreach (string name in new[] { "llama", "gpt2", "gpt_neox", "bert" })
        {
            var config = TransformerLoader.ReadConfig(FixtureModels.Folder(name));
            using var model = new Transformer(config, META);
            var names = model.HookPointNames;
            Assert.Contains("embed", names);
            foreach (string point in new[] { "hook_resid_pre", "hook_attn_out", "hook_resid_mid", "hook_mlp_pre", "hook_mlp_post", "hook_mlp_out", "hook_resid_post" })
                Assert.Contains($"blocks.{config.NLayers - 1}.{point}", names);
            Assert.Equal(config.FinalNorm, names.Contains("ln_final"));
            Assert.Equal(config.Unembed, names.Contains("logits"));
        }
        using var llama = FixtureModels.Load("llama");
        var error = Assert.Throws<WorldProbeException>(() => llama.AddHook("blocks.9.hook_resid_post", (x, _) => x));
        Assert.Contains("blocks.0.hook_resid_pre", error.Message);
    }
}
