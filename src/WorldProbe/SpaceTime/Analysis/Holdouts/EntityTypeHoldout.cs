using WorldProbe.Runs;
using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Entity-type holdout: does a probe trained on some kinds of entity (say cities and natural places)
/// work on another kind (structures)? Each entity type with at least N entities is held out in turn
/// (<see cref="GroupHoldout"/>): the probe is trained on the training rows of all other types and
/// scored on the held-out type's test rows, against the random split on the same rows. For datasets
/// whose rows carry an entity type: world and US places, NYC facilities, art (song, movie, book), NYT
/// headlines (news desk).
/// </summary>
public static class EntityTypeHoldout
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "entity-holdout";

    /// <summary>Runs the entity-type holdout at <see cref="SpaceExperimentOptions.Layer"/> (default: the best layer by training leave-one-out error).</summary>
    public static GroupHoldoutResults Run(ProbeData data, SpaceExperimentOptions? options = null, IProgressSink? progress = null)
    {
        options ??= new SpaceExperimentOptions();
        if (!data.Entities.Any(e => e.Get(MetadataKeys.EntityType).Length > 0))
            throw new WorldProbeException($"{data.Dataset}: its entities carry no entity type; entity holdout needs world_place, us_place, nyc_place, art or headlines_nyt.");
        int layer = LayerSelection.Resolve(data, options.Layer, options.Ridge, progress);
        return GroupHoldout.Run(data, Name, MetadataKeys.EntityType, entity => entity.Get(MetadataKeys.EntityType), layer, options, progress);
    }
}
