using WorldProbe.Transformers.Checkpoints;

namespace WorldProbe.Transformers.Architectures;

/// <summary>WorldProbe's own Othello-GPT folders: config.json with model_type "othello-gpt" and our parameter names.</summary>
public sealed class OthelloGptArchitecture : IArchitecture
{
    /// <inheritdoc/>
    public IReadOnlyList<string> ModelTypes => [OthelloGptConfig.ModelType];

    /// <inheritdoc/>
    public TransformerConfig ReadConfig(HuggingFaceConfig config) => ReadOthelloConfig(config).ToTransformerConfig();

    /// <summary>The Othello-GPT shape recorded in config.json.</summary>
    public static OthelloGptConfig ReadOthelloConfig(HuggingFaceConfig config) => new(
        NLayers: config.Int("n_layers"), NHeads: config.Int("n_heads"), DModel: config.Int("d_model"),
        DMlp: config.Int("d_mlp"), Vocab: config.Int("vocab"), Context: config.Int("context"),
        Dropout: config.Double("dropout", 0.1));

    /// <inheritdoc/>
    public IEnumerable<WeightSource> Weights(TransformerConfig config, CheckpointReader checkpoint, Transformer model) =>
        model.named_parameters().Select(p => WeightSource.Copy(p.name, p.name));
}
