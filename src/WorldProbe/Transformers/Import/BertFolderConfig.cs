using System.Text.Json.Nodes;

namespace WorldProbe.Transformers.Import;

/// <summary>The shape of a BERT encoder, written as a Hugging Face config.json (BertModel, transformers-4 style).</summary>
/// <param name="VocabularySize">vocab_size.</param>
/// <param name="HiddenSize">hidden_size (d_model).</param>
/// <param name="LayerCount">num_hidden_layers.</param>
/// <param name="HeadCount">num_attention_heads.</param>
/// <param name="IntermediateSize">intermediate_size (d_mlp).</param>
/// <param name="MaxPositions">max_position_embeddings.</param>
/// <param name="TypeVocabularySize">type_vocab_size.</param>
/// <param name="LayerNormEpsilon">layer_norm_eps.</param>
public sealed record BertFolderConfig(
    int VocabularySize, int HiddenSize, int LayerCount, int HeadCount, int IntermediateSize,
    int MaxPositions, int TypeVocabularySize, double LayerNormEpsilon)
{
    /// <summary>The config.json text.</summary>
    public string ToConfigJson() => new JsonObject
    {
        ["architectures"] = new JsonArray("BertModel"),
        ["model_type"] = "bert",
        ["vocab_size"] = VocabularySize,
        ["hidden_size"] = HiddenSize,
        ["num_hidden_layers"] = LayerCount,
        ["num_attention_heads"] = HeadCount,
        ["intermediate_size"] = IntermediateSize,
        ["hidden_act"] = "gelu",
        ["hidden_dropout_prob"] = 0.1,
        ["attention_probs_dropout_prob"] = 0.1,
        ["max_position_embeddings"] = MaxPositions,
        ["type_vocab_size"] = TypeVocabularySize,
        ["initializer_range"] = 0.02,
        ["layer_norm_eps"] = LayerNormEpsilon,
        ["pad_token_id"] = 0,
        ["position_embedding_type"] = "absolute",
        ["torch_dtype"] = "float32",
    }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    /// <summary>Every tensor a BertModel checkpoint holds, with its shape (Linear weights are [out, in]).</summary>
    public IReadOnlyDictionary<string, long[]> TensorShapes()
    {
        long d = HiddenSize, mlp = IntermediateSize;
        var shapes = new Dictionary<string, long[]>
        {
            ["embeddings.word_embeddings.weight"] = [VocabularySize, d],
            ["embeddings.position_embeddings.weight"] = [MaxPositions, d],
            ["embeddings.token_type_embeddings.weight"] = [TypeVocabularySize, d],
            ["embeddings.LayerNorm.weight"] = [d],
            ["embeddings.LayerNorm.bias"] = [d],
        };
        for (int i = 0; i < LayerCount; i++)
        {
            string p = $"encoder.layer.{i}.";
            foreach (string name in new[] { "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense" })
            {
                shapes[p + name + ".weight"] = [d, d];
                shapes[p + name + ".bias"] = [d];
            }
            shapes[p + "attention.output.LayerNorm.weight"] = [d];
            shapes[p + "attention.output.LayerNorm.bias"] = [d];
            shapes[p + "intermediate.dense.weight"] = [mlp, d];
            shapes[p + "intermediate.dense.bias"] = [mlp];
            shapes[p + "output.dense.weight"] = [d, mlp];
            shapes[p + "output.dense.bias"] = [d];
            shapes[p + "output.LayerNorm.weight"] = [d];
            shapes[p + "output.LayerNorm.bias"] = [d];
        }
        return shapes;
    }
}
