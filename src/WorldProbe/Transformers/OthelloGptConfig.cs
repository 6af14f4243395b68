namespace WorldProbe.Transformers;

/// <summary>
/// The Othello-GPT shape (minGPT as in Li et al.): learned positions, pre-LayerNorm, GELU MLP, causal
/// attention, untied unembedding without bias. Defaults are the paper's 8 x 512 model over the 61-token vocabulary.
/// </summary>
/// <param name="NLayers">Blocks.</param>
/// <param name="NHeads">Attention heads.</param>
/// <param name="DModel">Residual width.</param>
/// <param name="DMlp">MLP width (4 x d_model in the paper).</param>
/// <param name="Vocab">Vocabulary: 0 = padding, 1..60 = the playable squares.</param>
/// <param name="Context">Positions (59 moves of input).</param>
/// <param name="Dropout">Dropout in training mode (0.1 in the paper).</param>
public sealed record OthelloGptConfig(int NLayers = 8, int NHeads = 8, int DModel = 512, int DMlp = 2048,
    int Vocab = 61, int Context = 59, double Dropout = 0.1)
{
    /// <summary>The paper's model: 8 layers, 8 heads, d_model 512, MLP 2048, dropout 0.1.</summary>
    public static OthelloGptConfig Default { get; } = new();

    /// <summary>The model_type written to config.json.</summary>
    public const string ModelType = "othello-gpt";

    /// <summary>The Othello-GPT shape of a loaded model (fails for other architectures).</summary>
    public static OthelloGptConfig From(TransformerConfig config) => config.Architecture == ModelType
        ? new OthelloGptConfig(config.NLayers, config.NHeads, config.DModel, config.DMlp, config.VocabSize, config.Context, config.Dropout)
        : throw new WorldProbeException($"this is a {config.Architecture} model, not an Othello-GPT.");

    /// <summary>The general transformer configuration of this shape.</summary>
    public TransformerConfig ToTransformerConfig() => new()
    {
        Architecture = ModelType,
        VocabSize = Vocab,
        DModel = DModel,
        NLayers = NLayers,
        NHeads = NHeads,
        DHead = DModel / NHeads,
        DMlp = DMlp,
        Context = Context,
        NormEps = 1e-5,
        Activation = Activation.Gelu,
        Dropout = Dropout,
    };
}
