namespace WorldProbe.Runs;

/// <summary>
/// Names a model folder's weights by path, size and last write time: part of the key under which resumable work made
/// from those weights (finished probes, finished intervention rows) is kept, so that new weights start it afresh.
/// </summary>
/// <param name="Model">The folder's full path.</param>
/// <param name="WeightBytes">Size of model.safetensors (0 if missing).</param>
/// <param name="WeightsWrittenUtc">Its last write time (default if missing).</param>
public sealed record WeightsStamp(string Model, long WeightBytes, DateTime WeightsWrittenUtc)
{
    /// <summary>The stamp of <paramref name="modelFolder"/>'s model.safetensors as it is now.</summary>
    public static WeightsStamp Of(string modelFolder)
    {
        var weights = new FileInfo(Path.Combine(modelFolder, "model.safetensors"));
        return new WeightsStamp(Path.GetFullPath(modelFolder), weights.Exists ? weights.Length : 0, weights.Exists ? weights.LastWriteTimeUtc : default);
    }
}
