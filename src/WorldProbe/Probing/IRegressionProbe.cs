using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>A fitted map from activations to targets (ridge, MLP): the interface the studies use.</summary>
public interface IRegressionProbe : IDisposable
{
    /// <summary>Number of input features d.</summary>
    long FeatureCount { get; }

    /// <summary>Number of outputs k.</summary>
    long OutputCount { get; }

    /// <summary>Predictions [n, k] in the targets' original units, float64 on the CPU, for features [n, d].</summary>
    Tensor Predict(Tensor features);

    /// <summary>Writes the weights to <paramref name="safetensorsPath"/> and the settings and fit report beside it (same name, .json).</summary>
    void Save(string safetensorsPath);
}
