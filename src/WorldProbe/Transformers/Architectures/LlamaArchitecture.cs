using WorldProbe.Transformers.Checkpoints;

namespace WorldProbe.Transformers.Architectures;

/// <summary>
/// Llama 2 / 3 / 3.1 (llama3 rope scaling), TinyLlama, Mistral (sliding window) and Qwen2 (q/k/v bias):
/// RMSNorm, rotary, grouped-query attention, SwiGLU.
/// </summary>
public sealed class LlamaArchitecture : IArchitecture
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ModelTypes => ["llama", "mistral", "qwen2"];

    /// <inheritdoc/>
    public TransformerConfig ReadConfig(HuggingFaceConfig config)
    {
        string type = config.ModelType;
        int dModel = config.Int("hidden_size"), nHeads = config.Int("num_attention_heads");
        int dHead = config.OptionalInt("head_dim") ?? dModel / nHeads;
        bool qwen = type == "qwen2";
        if (qwen && config.Bool("use_sliding_window", false))
            throw new WorldProbeException($"{config.Path}: Qwen2 with use_sliding_window (a window on some layers only) is not supported.");
        int? window = type == "mistral" ? config.OptionalInt("sliding_window") : null;
        return new TransformerConfig
        {
            Architecture = type,
            VocabSize = config.Int("vocab_size"),
            DModel = dModel,
            NLayers = config.Int("num_hidden_layers"),
            NHeads = nHeads,
            NKeyValueHeads = config.OptionalInt("num_key_value_heads") ?? nHeads,
            DHead = dHead,
            DMlp = config.Int("intermediate_size"),
            Context = config.OptionalInt("max_position_embeddings") ?? 2048,
            Norm = NormKind.RmsNorm,
            NormEps = config.Double("rms_norm_eps", 1e-6),
            GatedMlp = true,
            Activation = ActivationNames.Parse(config.String("hidden_act") ?? "silu", config.Path),
            MlpBias = config.Bool("mlp_bias", false),
            QkvBias = qwen || config.Bool("attention_bias", false),
            AttentionOutBias = !qwen && config.Bool("attention_bias", false),
            Positions = PositionKind.Rotary,
            Rotary = config.Rotary(dHead),
            SlidingWindow = window,
            TiedEmbeddings = config.Bool("tie_word_embeddings", false),
        };
    }

    /// <inheritdoc/>
    public IEnumerable<WeightSource> Weights(TransformerConfig config, CheckpointReader checkpoint, Transformer model)
    {
        string p = checkpoint.PrefixOf("embed_tokens.weight", "model.", "");
        yield return WeightSource.Copy("embed.token", p + "embed_tokens.weight");
        for (int i = 0; i < config.NLayers; i++)
        {
            string layer = $"{p}layers.{i}.", block = $"blocks.{i}.";
            yield return WeightSource.Copy(block + "ln1.weight", layer + "input_layernorm.weight");
            yield return WeightSource.Concat(block + "attn.qkv.weight", layer + "self_attn.q_proj.weight", layer + "self_attn.k_proj.weight", layer + "self_attn.v_proj.weight");
            if (config.QkvBias)
                yield return WeightSource.Concat(block + "attn.qkv.bias", layer + "self_attn.q_proj.bias", layer + "self_attn.k_proj.bias", layer + "self_attn.v_proj.bias");
            yield return WeightSource.Copy(block + "attn.out.weight", layer + "self_attn.o_proj.weight");
            if (config.AttentionOutBias) yield return WeightSource.Copy(block + "attn.out.bias", layer + "self_attn.o_proj.bias");
            yield return WeightSource.Copy(block + "ln2.weight", layer + "post_attention_layernorm.weight");
            yield return WeightSource.Concat(block + "mlp.up.weight", layer + "mlp.gate_proj.weight", layer + "mlp.up_proj.weight");
            yield return WeightSource.Copy(block + "mlp.down.weight", layer + "mlp.down_proj.weight");
            if (config.MlpBias)
            {
                yield return WeightSource.Concat(block + "mlp.up.bias", layer + "mlp.gate_proj.bias", layer + "mlp.up_proj.bias");
                yield return WeightSource.Copy(block + "mlp.down.bias", layer + "mlp.down_proj.bias");
            }
        }
        yield return WeightSource.Copy("ln_final.weight", p + "norm.weight");
        if (!config.TiedEmbeddings) yield return WeightSource.Copy("unembed.weight", "lm_head.weight");
    }
}
