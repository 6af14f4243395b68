using WorldProbe.Transformers.Checkpoints;

namespace WorldProbe.Transformers.Architectures;

/// <summary>One family of Hugging Face checkpoints: how its config.json and tensor names map onto <see cref="Transformer"/>.</summary>
public interface IArchitecture
{
    /// <summary>The config.json model_type values this architecture reads.</summary>
    IReadOnlyList<string> ModelTypes { get; }

    /// <summary>Our configuration from the checkpoint's config.json.</summary>
    TransformerConfig ReadConfig(HuggingFaceConfig config);

    /// <summary>Where every parameter of <paramref name="model"/> comes from; <paramref name="checkpoint"/> tells which name prefix the file uses.</summary>
    IEnumerable<WeightSource> Weights(TransformerConfig config, CheckpointReader checkpoint, Transformer model);
}
