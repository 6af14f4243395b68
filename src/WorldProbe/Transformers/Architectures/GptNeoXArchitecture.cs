using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Architectures;

/// <summary>
/// GPT-NeoX / Pythia: pre-LayerNorm, parallel residual (by default), partial rotary, GELU MLP, and a fused
/// query_key_value whose rows are grouped per head as [head, (q, k, v), d_head].
/// </summary>
public sealed class GptNeoXArchitecture : IArchitecture
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ModelTypes => ["gpt_neox"];

    /// <inheritdoc/>
    public TransformerConfig ReadConfig(HuggingFaceConfig config)
    {
        int dModel = config.Int("hidden_size"), nHeads = config.Int("num_attention_heads");
        int dHead = dModel / nHeads;
        bool bias = config.Bool("attention_bias", true);
        return new TransformerConfig
        {
            Architecture = "gpt_neox",
            VocabSize = config.Int("vocab_size"),
            DModel = dModel,
            NLayers = config.Int("num_hidden_layers"),
            NHeads = nHeads,
            DHead = dHead,
            DMlp = config.Int("intermediate_size"),
            Context = config.OptionalInt("max_position_embeddings") ?? 2048,
            NormEps = config.Double("layer_norm_eps", 1e-5),
            Layout = config.Bool("use_parallel_residual", true) ? BlockLayout.ParallelPreNorm : BlockLayout.PreNorm,
            Activation = ActivationNames.Parse(config.String("hidden_act") ?? "gelu", config.Path),
            QkvBias = bias,
            AttentionOutBias = bias,
            Positions = PositionKind.Rotary,
            Rotary = config.Rotary(dHead, defaultFraction: 0.25),
            TiedEmbeddings = config.Bool("tie_word_embeddings", false),
        };
    }

    /// <inheritdoc/>
    public IEnumerable<WeightSource> Weights(TransformerConfig config, CheckpointReader checkpoint, Transformer model)
    {
        string p = checkpoint.PrefixOf("embed_in.weight", "gpt_neox.", "");
        long heads = config.NHeads, dHead = config.DHead;
        // [head, 3, d_head, ...] -> [3, head, d_head, ...]: our fused layout is all q rows, then k, then v.
        Tensor Regroup(Tensor t) => t.view([heads, 3, dHead, .. t.shape.Skip(1)]).transpose(0, 1).reshape(t.shape);
        yield return WeightSource.Copy("embed.token", p + "embed_in.weight");
        for (int i = 0; i < config.NLayers; i++)
        {
            string layer = $"{p}layers.{i}.", block = $"blocks.{i}.";
            yield return WeightSource.Copy(block + "ln1.weight", layer + "input_layernorm.weight");
            yield return WeightSource.Copy(block + "ln1.bias", layer + "input_layernorm.bias");
            yield return new WeightSource(block + "attn.qkv.weight", [layer + "attention.query_key_value.weight"], t => Regroup(t[0]));
            if (config.QkvBias)
                yield return new WeightSource(block + "attn.qkv.bias", [layer + "attention.query_key_value.bias"], t => Regroup(t[0]));
            yield return WeightSource.Copy(block + "attn.out.weight", layer + "attention.dense.weight");
            if (config.AttentionOutBias) yield return WeightSource.Copy(block + "attn.out.bias", layer + "attention.dense.bias");
            yield return WeightSource.Copy(block + "ln2.weight", layer + "post_attention_layernorm.weight");
            yield return WeightSource.Copy(block + "ln2.bias", layer + "post_attention_layernorm.bias");
            yield return WeightSource.Copy(block + "mlp.up.weight", layer + "mlp.dense_h_to_4h.weight");
            yield return WeightSource.Copy(block + "mlp.up.bias", layer + "mlp.dense_h_to_4h.bias");
            yield return WeightSource.Copy(block + "mlp.down.weight", layer + "mlp.dense_4h_to_h.weight");
            yield return WeightSource.Copy(block + "mlp.down.bias", layer + "mlp.dense_4h_to_h.bias");
        }
        yield return WeightSource.Copy("ln_final.weight", p + "final_layer_norm.weight");
        yield return WeightSource.Copy("ln_final.bias", p + "final_layer_norm.bias");
        if (!config.TiedEmbeddings) yield return WeightSource.Copy("unembed.weight", "embed_out.weight");
    }
}
