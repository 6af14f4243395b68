using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Activations;

/// <summary>
/// An <see cref="IActivationSource"/> over a <see cref="Transformer"/>: each dataset row is a tokenized
/// sequence read at one token (for example the entity's last token), at the chosen residual-stream layers.
/// </summary>
public sealed class ResidualStreamSource : IActivationSource
{
    readonly Transformer model;
    readonly IReadOnlyList<long[]> sequences;
    readonly IReadOnlyList<int> positions;
    readonly IReadOnlyList<int> layers;

    /// <summary>Reads <paramref name="sequences"/>[row] at <paramref name="positions"/>[row] for each layer in <paramref name="layers"/>.</summary>
    public ResidualStreamSource(Transformer model, IReadOnlyList<long[]> sequences, IReadOnlyList<int> positions, IReadOnlyList<int> layers)
    {
        if (sequences.Count != positions.Count)
            throw new WorldProbeException($"{sequences.Count} sequences but {positions.Count} positions; give one position per row.");
        this.model = model;
        this.sequences = sequences;
        this.positions = positions;
        this.layers = layers;
    }

    /// <inheritdoc/>
    public int DModel => model.Config.DModel;

    /// <inheritdoc/>
    public Tensor Run(int[] rows) => ResidualStreamCache.CollectMany(model,
        rows.Select(r => sequences[r]).ToList(), rows.Select(r => positions[r]).ToList(), layers, batchSize: Math.Max(1, rows.Length)); // [layers, batch, d_model]
}
