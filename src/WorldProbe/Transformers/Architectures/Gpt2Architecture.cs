using WorldProbe.Transformers.Checkpoints;

namespace WorldProbe.Transformers.Architectures;

/// <summary>GPT-2: learned positions, pre-LayerNorm, GELU (tanh) MLP, tied unembedding, Conv1D weights stored [in, out].</summary>
public sealed class Gpt2Architecture : IArchitecture
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ModelTypes => ["gpt2"];

    /// <inheritdoc/>
    public TransformerConfig ReadConfig(HuggingFaceConfig config)
    {
        int dModel = config.Int("n_embd", "hidden_size"), nHeads = config.Int("n_head", "num_attention_heads");
        if (config.Bool("scale_attn_by_inverse_layer_idx", false) || config.Bool("reorder_and_upcast_attn", false) || !config.Bool("scale_attn_weights", true))
            throw new WorldProbeException($"{config.Path}: GPT-2 variants with scale_attn_by_inverse_layer_idx, reorder_and_upcast_attn or without scale_attn_weights are not supported.");
        return new TransformerConfig
        {
            Architecture = "gpt2",
            VocabSize = config.Int("vocab_size"),
            DModel = dModel,
            NLayers = config.Int("n_layer", "num_hidden_layers"),
            NHeads = nHeads,
            DHead = dModel / nHeads,
            DMlp = config.OptionalInt("n_inner") ?? 4 * dModel,
            Context = config.Int("n_positions", "max_position_embeddings"),
            NormEps = config.Double("layer_norm_epsilon", 1e-5),
            Activation = ActivationNames.Parse(config.String("activation_function") ?? "gelu_new", config.Path),
            TiedEmbeddings = config.Bool("tie_word_embeddings", true),
        };
    }

    /// <inheritdoc/>
    public IEnumerable<WeightSource> Weights(TransformerConfig config, CheckpointReader checkpoint, Transformer model)
    {
        string p = checkpoint.PrefixOf("wte.weight", "transformer.", "");
        yield return WeightSource.Copy("embed.token", p + "wte.weight");
        yield return WeightSource.Copy("embed.position", p + "wpe.weight");
        for (int i = 0; i < config.NLayers; i++)
        {
            string layer = $"{p}h.{i}.", block = $"blocks.{i}.";
            yield return WeightSource.Copy(block + "ln1.weight", layer + "ln_1.weight");
            yield return WeightSource.Copy(block + "ln1.bias", layer + "ln_1.bias");
            yield return WeightSource.Transposed(block + "attn.qkv.weight", layer + "attn.c_attn.weight");
            yield return WeightSource.Copy(block + "attn.qkv.bias", layer + "attn.c_attn.bias");
            yield return WeightSource.Transposed(block + "attn.out.weight", layer + "attn.c_proj.weight");
            yield return WeightSource.Copy(block + "attn.out.bias", layer + "attn.c_proj.bias");
            yield return WeightSource.Copy(block + "ln2.weight", layer + "ln_2.weight");
            yield return WeightSource.Copy(block + "ln2.bias", layer + "ln_2.bias");
            yield return WeightSource.Transposed(block + "mlp.up.weight", layer + "mlp.c_fc.weight");
            yield return WeightSource.Copy(block + "mlp.up.bias", layer + "mlp.c_fc.bias");
            yield return WeightSource.Transposed(block + "mlp.down.weight", layer + "mlp.c_proj.weight");
            yield return WeightSource.Copy(block + "mlp.down.bias", layer + "mlp.c_proj.bias");
        }
        yield return WeightSource.Copy("ln_final.weight", p + "ln_f.weight");
        yield return WeightSource.Copy("ln_final.bias", p + "ln_f.bias");
        if (!config.TiedEmbeddings) yield return WeightSource.Copy("unembed.weight", "lm_head.weight");
    }
}
