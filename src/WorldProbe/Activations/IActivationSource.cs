using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>
/// Produces activations for a batch of dataset rows: the model side of an extraction (for example a
/// language model read at each entity's last token). The store writer decides batches and files.
/// </summary>
public interface IActivationSource
{
    /// <summary>Width of one activation vector.</summary>
    int DModel { get; }

    /// <summary>
    /// Activations of the rows <paramref name="rows"/> (dataset row indices, one padded batch), for
    /// every stored layer: <c>// [layers, batch, d_model]</c>, float32 on any device.
    /// </summary>
    Tensor Run(int[] rows);
}
