using WorldProbe.Transformers.Checkpoints;

namespace WorldProbe.Transformers.Architectures;

/// <summary>
/// BERT encoders (including MiniLM-style sentence encoders): learned positions, token types, an embedding
/// LayerNorm, bidirectional attention, post-norm blocks, no final norm and no unembedding.
/// </summary>
public sealed class BertArchitecture : IArchitecture
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ModelTypes => ["bert"];

    /// <inheritdoc/>
    public TransformerConfig ReadConfig(HuggingFaceConfig config)
    {
        int dModel = config.Int("hidden_size"), nHeads = config.Int("num_attention_heads");
        if ((config.String("position_embedding_type") ?? "absolute") != "absolute")
            throw new WorldProbeException($"{config.Path}: position_embedding_type '{config.String("position_embedding_type")}' is not supported; only absolute positions are.");
        return new TransformerConfig
        {
            Architecture = "bert",
            VocabSize = config.Int("vocab_size"),
            DModel = dModel,
            NLayers = config.Int("num_hidden_layers"),
            NHeads = nHeads,
            DHead = dModel / nHeads,
            DMlp = config.Int("intermediate_size"),
            Context = config.OptionalInt("max_position_embeddings") ?? 512,
            NormEps = config.Double("layer_norm_eps", 1e-12),
            Layout = BlockLayout.PostNorm,
            Activation = ActivationNames.Parse(config.String("hidden_act") ?? "gelu", config.Path),
            TokenTypes = config.OptionalInt("type_vocab_size") ?? 2,
            EmbeddingNorm = true,
            Causal = false,
            FinalNorm = false,
            Unembed = false,
        };
    }

    /// <inheritdoc/>
    public IEnumerable<WeightSource> Weights(TransformerConfig config, CheckpointReader checkpoint, Transformer model)
    {
        string p = checkpoint.PrefixOf("embeddings.word_embeddings.weight", "", "bert.");
        yield return WeightSource.Copy("embed.token", p + "embeddings.word_embeddings.weight");
        yield return WeightSource.Copy("embed.position", p + "embeddings.position_embeddings.weight");
        yield return WeightSource.Copy("embed.token_type", p + "embeddings.token_type_embeddings.weight");
        yield return WeightSource.Copy("embed.norm.weight", p + "embeddings.LayerNorm.weight");
        yield return WeightSource.Copy("embed.norm.bias", p + "embeddings.LayerNorm.bias");
        for (int i = 0; i < config.NLayers; i++)
        {
            string layer = $"{p}encoder.layer.{i}.", block = $"blocks.{i}.";
            string self = layer + "attention.self.";
            yield return WeightSource.Concat(block + "attn.qkv.weight", self + "query.weight", self + "key.weight", self + "value.weight");
            yield return WeightSource.Concat(block + "attn.qkv.bias", self + "query.bias", self + "key.bias", self + "value.bias");
            yield return WeightSource.Copy(block + "attn.out.weight", layer + "attention.output.dense.weight");
            yield return WeightSource.Copy(block + "attn.out.bias", layer + "attention.output.dense.bias");
            yield return WeightSource.Copy(block + "ln1.weight", layer + "attention.output.LayerNorm.weight");
            yield return WeightSource.Copy(block + "ln1.bias", layer + "attention.output.LayerNorm.bias");
            yield return WeightSource.Copy(block + "mlp.up.weight", layer + "intermediate.dense.weight");
            yield return WeightSource.Copy(block + "mlp.up.bias", layer + "intermediate.dense.bias");
            yield return WeightSource.Copy(block + "mlp.down.weight", layer + "output.dense.weight");
            yield return WeightSource.Copy(block + "mlp.down.bias", layer + "output.dense.bias");
            yield return WeightSource.Copy(block + "ln2.weight", layer + "output.LayerNorm.weight");
            yield return WeightSource.Copy(block + "ln2.bias", layer + "output.LayerNorm.bias");
        }
    }
}
