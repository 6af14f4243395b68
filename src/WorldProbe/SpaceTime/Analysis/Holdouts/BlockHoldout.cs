using WorldProbe.Runs;
using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Block holdout: does the probe place a whole region (or era) it never saw? Each block (world places:
/// country; US places: state; NYC: borough; art and Pantheon: century; headlines: year) with at least N
/// entities is held out in turn (<see cref="GroupHoldout"/>), and its test rows are scored against the
/// same rows under the random split. The centroid angle says whether the held-out block is at least
/// pushed in the right direction from the overall centroid.
/// </summary>
public static class BlockHoldout
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "block-holdout";

    /// <summary>The metadata key of <paramref name="dataset"/>'s blocks.</summary>
    public static string BlockKey(string dataset) => dataset switch
    {
        "world_place" => MetadataKeys.Country,
        "us_place" => MetadataKeys.State,
        "nyc_place" => MetadataKeys.Borough,
        "art" or "pantheon" => MetadataKeys.Century,
        _ when dataset.StartsWith("headlines", StringComparison.Ordinal) => MetadataKeys.Year,
        _ => throw new WorldProbeException($"{dataset}: no block is defined for this dataset; block holdout knows world_place, us_place, nyc_place, art, pantheon and headlines_*."),
    };

    /// <summary>Runs the block holdout at <see cref="SpaceExperimentOptions.Layer"/> (default: the best layer by training leave-one-out error).</summary>
    public static GroupHoldoutResults Run(ProbeData data, SpaceExperimentOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceExperimentOptions();
        string key = options.BlockKey ?? BlockKey(data.Dataset);
        if (!data.Entities.Any(e => e.Get(key).Length > 0))
            throw new WorldProbeException($"--block {key}: no entity of {data.Dataset} has it; use a metadata key such as {MetadataKeys.Country}, {MetadataKeys.Century} or {MetadataKeys.Decade}.");
        int layer = LayerSelection.Resolve(data, options.Layer, options.Ridge, progress);
        return GroupHoldout.Run(data, Name, key, entity => entity.Get(key), layer, options, progress);
    }
}
