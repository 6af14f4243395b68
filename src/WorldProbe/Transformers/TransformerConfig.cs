using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>Which normalisation a model uses.</summary>
public enum NormKind
{
    /// <summary>LayerNorm with weight and bias.</summary>
    LayerNorm,
    /// <summary>RMSNorm with weight only, computed in fp32 (as Llama does).</summary>
    RmsNorm,
}

/// <summary>How a block combines attention, MLP and norms with the residual stream.</summary>
public enum BlockLayout
{
    /// <summary>x + attn(ln1(x)), then + mlp(ln2(.)): GPT-2, Llama, minGPT.</summary>
    PreNorm,
    /// <summary>x + attn(ln1(x)) + mlp(ln2(x)): GPT-NeoX / Pythia with use_parallel_residual.</summary>
    ParallelPreNorm,
    /// <summary>ln1(x + attn(x)), then ln2(. + mlp(.)): BERT.</summary>
    PostNorm,
}

/// <summary>The MLP's non-linearity.</summary>
public enum Activation
{
    /// <summary>Exact GELU (erf).</summary>
    Gelu,
    /// <summary>GELU with the tanh approximation (GPT-2's gelu_new).</summary>
    GeluTanh,
    /// <summary>SiLU / swish (Llama's SwiGLU gate).</summary>
    Silu,
    /// <summary>ReLU.</summary>
    Relu,
}

/// <summary>How positions enter the model.</summary>
public enum PositionKind
{
    /// <summary>A learned position embedding added to the token embedding.</summary>
    Learned,
    /// <summary>Rotary embeddings on queries and keys.</summary>
    Rotary,
}

/// <summary>Rotary embedding settings: base, how many dims of each head rotate, and the frequency scaling.</summary>
/// <param name="Theta">rope_theta.</param>
/// <param name="Dims">Rotated dims per head (head_dim x partial_rotary_factor).</param>
/// <param name="ScalingType">"default", "linear" or "llama3".</param>
/// <param name="Factor">Scaling factor (linear, llama3).</param>
/// <param name="LowFreqFactor">llama3 low_freq_factor.</param>
/// <param name="HighFreqFactor">llama3 high_freq_factor.</param>
/// <param name="OriginalContext">llama3 original_max_position_embeddings.</param>
/// <param name="FrequencyDType">
/// Null: inverse frequencies stay exact float32. A low-precision dtype rounds them to it, which is what transformers
/// computes with when it loads a bf16/fp16 checkpoint in its stored dtype (its inv_freq buffer is cast with the model,
/// even if the model is cast back to float32 afterwards); see <see cref="ModelLoadOptions.RotaryFrequencyDType"/>.
/// </param>
public sealed record RotaryConfig(double Theta, int Dims, string ScalingType = "default", double Factor = 1,
    double LowFreqFactor = 1, double HighFreqFactor = 4, int OriginalContext = 8192, ScalarType? FrequencyDType = null);

/// <summary>
/// Everything that fixes a transformer's shape and wiring. Architectures (Llama, GPT-2, GPT-NeoX, BERT,
/// Othello-GPT) are particular settings of this one record, so every model shares the same modules and hook points.
/// </summary>
public sealed record TransformerConfig
{
    /// <summary>Architecture name (the model_type it was read from, e.g. "llama", "gpt2", "othello-gpt").</summary>
    public required string Architecture { get; init; }
    /// <summary>Vocabulary size.</summary>
    public required int VocabSize { get; init; }
    /// <summary>Residual stream width.</summary>
    public required int DModel { get; init; }
    /// <summary>Number of blocks.</summary>
    public required int NLayers { get; init; }
    /// <summary>Query heads.</summary>
    public required int NHeads { get; init; }
    /// <summary>Key/value heads (fewer than NHeads for grouped-query attention).</summary>
    public int NKeyValueHeads { get; init; }
    /// <summary>Width of one head.</summary>
    public required int DHead { get; init; }
    /// <summary>MLP hidden width (neurons).</summary>
    public required int DMlp { get; init; }
    /// <summary>Longest sequence (learned positions' table size; informational for rotary models).</summary>
    public required int Context { get; init; }
    /// <summary>Normalisation kind.</summary>
    public NormKind Norm { get; init; } = NormKind.LayerNorm;
    /// <summary>Normalisation epsilon.</summary>
    public double NormEps { get; init; } = 1e-5;
    /// <summary>Block wiring.</summary>
    public BlockLayout Layout { get; init; } = BlockLayout.PreNorm;
    /// <summary>Gated MLP (down(act(gate(x)) * up(x))) rather than down(act(up(x))).</summary>
    public bool GatedMlp { get; init; }
    /// <summary>The MLP non-linearity.</summary>
    public Activation Activation { get; init; } = Activation.Gelu;
    /// <summary>Biases on the MLP's projections.</summary>
    public bool MlpBias { get; init; } = true;
    /// <summary>Biases on the query/key/value projections.</summary>
    public bool QkvBias { get; init; } = true;
    /// <summary>Bias on the attention output projection.</summary>
    public bool AttentionOutBias { get; init; } = true;
    /// <summary>Learned or rotary positions.</summary>
    public PositionKind Positions { get; init; } = PositionKind.Learned;
    /// <summary>Rotary settings (when <see cref="Positions"/> is Rotary).</summary>
    public RotaryConfig? Rotary { get; init; }
    /// <summary>Only attend to the previous N tokens (Mistral's sliding window); null = unlimited.</summary>
    public int? SlidingWindow { get; init; }
    /// <summary>Token type (segment) embeddings, 0 = none (BERT has 2).</summary>
    public int TokenTypes { get; init; }
    /// <summary>A norm on the embeddings before block 0 (BERT).</summary>
    public bool EmbeddingNorm { get; init; }
    /// <summary>Causal (decoder) attention; false = bidirectional (encoder).</summary>
    public bool Causal { get; init; } = true;
    /// <summary>A norm after the last block (ln_final).</summary>
    public bool FinalNorm { get; init; } = true;
    /// <summary>An unembedding to logits.</summary>
    public bool Unembed { get; init; } = true;
    /// <summary>The unembedding reuses the token embedding matrix.</summary>
    public bool TiedEmbeddings { get; init; }
    /// <summary>Bias on the unembedding.</summary>
    public bool UnembedBias { get; init; }
    /// <summary>Dropout probability used in training mode (embeddings, attention, residual branches).</summary>
    public double Dropout { get; init; }

    /// <summary>Key/value heads, defaulting to NHeads.</summary>
    public int KeyValueHeads => NKeyValueHeads > 0 ? NKeyValueHeads : NHeads;

    /// <summary>Checks that the numbers fit together; throws WorldProbeException naming the bad field.</summary>
    public void Validate(string source)
    {
        void Require(bool ok, string what)
        {
            if (!ok) throw new WorldProbeException($"{source}: {what}");
        }
        Require(VocabSize > 0 && DModel > 0 && NLayers > 0 && NHeads > 0 && DHead > 0 && DMlp > 0 && Context > 0,
            $"sizes must be positive (vocab {VocabSize}, d_model {DModel}, n_layers {NLayers}, n_heads {NHeads}, d_head {DHead}, d_mlp {DMlp}, context {Context}).");
        Require(NHeads % KeyValueHeads == 0, $"n_heads {NHeads} is not a multiple of the key/value heads {KeyValueHeads}.");
        Require(Positions != PositionKind.Rotary || (Rotary is not null && Rotary.Dims > 0 && Rotary.Dims <= DHead && Rotary.Dims % 2 == 0),
            $"rotary dims {Rotary?.Dims} must be even and within d_head {DHead}.");
        Require(Dropout is >= 0 and < 1, $"dropout {Dropout} must be in [0, 1).");
    }
}
