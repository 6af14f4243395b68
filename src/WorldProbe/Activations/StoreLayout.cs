namespace WorldProbe.Activations;

/// <summary>File names inside an activation store, defined once.</summary>
public static class StoreLayout
{
    /// <summary>Chunk <paramref name="chunk"/> of layer <paramref name="layer"/>: <c>// [chunk rows, d_model]</c>.</summary>
    public static string LayerChunk(int layer, int chunk) => $"layer_{layer:D3}/chunk_{chunk:D5}.npy";

    /// <summary>Dataset row indices (int64) of chunk <paramref name="chunk"/>, aligned with its layer files.</summary>
    public static string RowsChunk(int chunk) => $"rows/chunk_{chunk:D5}.npy";
}
