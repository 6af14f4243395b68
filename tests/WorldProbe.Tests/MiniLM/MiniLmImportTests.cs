using System.Text.Json;
using TorchSharp.PyBridge;
using WorldProbe.Compute;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.Tests.MiniLM;

/// <summary>The all-MiniLM-L6-v2 import: a complete Hugging Face BERT folder whose weights reproduce ONNX Runtime.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class MiniLmImportTests(MiniLmFixture fixture)
{
    static MiniLmImportTests() => TorchRuntime.Initialize();

    [Fact]
    public void SafetensorsHoldsEveryBertModelTensorWithHuggingFaceShapes()
    {
        var expected = new Dictionary<string, long[]>
        {
            ["embeddings.word_embeddings.weight"] = [30522, 384],
            ["embeddings.position_embeddings.weight"] = [512, 384],
            ["embeddings.token_type_embeddings.weight"] = [2, 384],
            ["embeddings.LayerNorm.weight"] = [384],
            ["embeddings.LayerNorm.bias"] = [384],
        };
        for (int i = 0; i < 6; i++)
        {
            string p = $"encoder.layer.{i}.";
            foreach (string linear in new[] { "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense" })
            {
                expected[$"{p}{linear}.weight"] = [384, 384];
                expected[$"{p}{linear}.bias"] = [384];
            }
            expected[p + "attention.output.LayerNorm.weight"] = [384];
            expected[p + "attention.output.LayerNorm.bias"] = [384];
            expected[p + "intermediate.dense.weight"] = [1536, 384]; // nn.Linear: [out, in]
            expected[p + "intermediate.dense.bias"] = [1536];
            expected[p + "output.dense.weight"] = [384, 1536];
            expected[p + "output.dense.bias"] = [384];
            expected[p + "output.LayerNorm.weight"] = [384];
            expected[p + "output.LayerNorm.bias"] = [384];
        }

        string path = Path.Combine(fixture.Folder, "model.safetensors");
        using (var file = File.OpenRead(path))
        {
            // transformers reads {"__metadata__": {"format": "pt"}}; the data must start 8-byte aligned.
            var prefix = new byte[8];
            file.ReadExactly(prefix);
            long headerLength = BitConverter.ToInt64(prefix);
            Assert.Equal(0, headerLength % 8);
            var header = new byte[headerLength];
            file.ReadExactly(header);
            using var json = JsonDocument.Parse(header);
            Assert.Equal("pt", json.RootElement.GetProperty("__metadata__").GetProperty("format").GetString());
        }

        using var scope = NewDisposeScope();
        var weights = Safetensors.LoadStateDict(path);
        Assert.Equal(expected.Keys.Order(), weights.Keys.Order());
        foreach (var (name, shape) in expected)
        {
            Assert.Equal(shape, weights[name].shape);
            Assert.Equal(ScalarType.Float32, weights[name].dtype);
        }
    }

    [Fact]
    public void ConfigDescribesAllMiniLmL6V2()
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(fixture.Folder, "config.json")));
        var root = config.RootElement;
        Assert.Equal("bert", root.GetProperty("model_type").GetString());
        Assert.Equal("BertModel", root.GetProperty("architectures")[0].GetString());
        Assert.Equal(30522, root.GetProperty("vocab_size").GetInt32());
        Assert.Equal(384, root.GetProperty("hidden_size").GetInt32());
        Assert.Equal(6, root.GetProperty("num_hidden_layers").GetInt32());
        Assert.Equal(12, root.GetProperty("num_attention_heads").GetInt32());
        Assert.Equal(1536, root.GetProperty("intermediate_size").GetInt32());
        Assert.Equal(512, root.GetProperty("max_position_embeddings").GetInt32());
        Assert.Equal(2, root.GetProperty("type_vocab_size").GetInt32());
        Assert.Equal(1e-12, root.GetProperty("layer_norm_eps").GetDouble());
        Assert.Equal("gelu", root.GetProperty("hidden_act").GetString());
        Assert.Equal(Path.Combine(fixture.CacheRoot, "models", "minilm", MiniLmPackage.Version), fixture.Folder);
    }

    [Fact]
    public void ImportedWeightsReproduceOnnxRuntimeOnAPaddedBatch()
    {
        using var tokenizer = TokenizerLoader.Load(fixture.Folder);
        Assert.Equal(TokenizerKind.WordPiece, tokenizer.Kind);
        var batch = PaddedBatch.Encode(tokenizer, MiniLmFixture.Sentences);
        Assert.Contains(0L, batch.AttentionMask); // the batch really is padded

        using var scope = NewDisposeScope();
        var weights = Safetensors.LoadStateDict(Path.Combine(fixture.Folder, "model.safetensors"));
        var ours = BertReferenceForward.LastHiddenState(weights, batch, layers: 6, heads: 12, epsilon: 1e-12);
        var reference = tensor(fixture.Reference.LastHiddenState(batch), [batch.BatchSize, batch.Length, 384]);
        HiddenStateComparison.AssertClose(reference, ours, batch);

        // Each sentence alone (no padding) must give the same rows as in the padded batch.
        for (int s = 0; s < MiniLmFixture.Sentences.Length; s += 3)
        {
            var single = PaddedBatch.Encode(tokenizer, [MiniLmFixture.Sentences[s]]);
            var alone = tensor(fixture.Reference.LastHiddenState(single), [1, single.Length, 384]);
            HiddenStateComparison.AssertClose(alone, BertReferenceForward.LastHiddenState(weights, single, 6, 12, 1e-12), single);
            HiddenStateComparison.AssertClose(alone, reference[s, ..single.Length].unsqueeze(0), single);
        }
    }
}
