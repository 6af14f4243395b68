using System.Globalization;
using WorldProbe.Activations;
using WorldProbe.SpaceTime.Datasets;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// What every probing experiment reads: the entities of an activation store (with their dataset
/// metadata and train/test flag), their targets, and each stored layer's features. Open a store with
/// <see cref="Open"/>, or build one in memory (planted data in tests) with the constructor.
/// </summary>
/// <param name="Model">Model name as recorded in the store.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">Place ([longitude, latitude]) or time ([year]).</param>
/// <param name="Entities">Entities in row order.</param>
/// <param name="Targets">Targets [n, k] float64, row order.</param>
/// <param name="Layers">Stored layers (layer j = after j blocks).</param>
/// <param name="LayerReader">Reads one layer's features [n, d_model] float32; the caller disposes them.</param>
public sealed record ProbeData(
    string Model,
    string Dataset,
    string Prompt,
    TargetKind Kind,
    IReadOnlyList<Entity> Entities,
    Tensor Targets,
    IReadOnlyList<int> Layers,
    Func<int, Tensor> LayerReader)
{
    /// <summary>True for places.</summary>
    public bool IsPlace => Kind == TargetKind.Place;

    /// <summary>Rows of the dataset's training split.</summary>
    public long[] Train { get; } = Enumerable.Range(0, Entities.Count).Where(i => !Entities[i].IsTest).Select(i => (long)i).ToArray();

    /// <summary>Rows of the dataset's test split.</summary>
    public long[] Test { get; } = Enumerable.Range(0, Entities.Count).Where(i => Entities[i].IsTest).Select(i => (long)i).ToArray();

    /// <summary>Names of the target's components.</summary>
    public IReadOnlyList<string> TargetNames => IsPlace ? ["longitude", "latitude"] : ["year"];

    /// <summary>Layer <paramref name="layer"/>'s features [n, d_model].</summary>
    public Tensor ReadLayer(int layer)
    {
        if (!Layers.Contains(layer))
            throw new WorldProbeException($"{Model} / {Dataset}: layer {layer} is not stored; stored layers: {string.Join(", ", Layers)}.");
        return LayerReader(layer);
    }

    /// <summary>Opens the store in <paramref name="storeDirectory"/> and joins its rows with the dataset's entities.</summary>
    public static ProbeData Open(string storeDirectory, string? dataRoot = null)
    {
        var store = ActivationStore.Open(storeDirectory);
        var manifest = store.Manifest;
        var dataset = SpaceTimeDatasets.Load(manifest.Dataset, dataRoot ?? SpaceTimeDatasets.DefaultDataRoot);
        var byId = dataset.Entities.ToDictionary(e => e.Id.ToString(CultureInfo.InvariantCulture));
        var entities = store.EntityIds.Select(id => byId.TryGetValue(id, out var e) ? e : throw new WorldProbeException(
            $"{storeDirectory}: entity {id} is not in dataset {manifest.Dataset} any more; the data changed since extraction: extract again.")).ToArray();
        var data = new ProbeData(manifest.Model, manifest.Dataset, manifest.Prompt, dataset.Kind, entities,
            tensor(entities.SelectMany(dataset.Target).ToArray(), [entities.Length, dataset.TargetNames.Count]), manifest.Layers, store.ReadLayer);
        if (data.Train.Length < 2 || data.Test.Length < 2)
            throw new WorldProbeException($"{storeDirectory}: {data.Train.Length} training and {data.Test.Length} test rows; a probe needs at least 2 of each.");
        return data;
    }
}
