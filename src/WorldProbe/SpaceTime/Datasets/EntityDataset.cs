namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// A loaded space or time dataset: its entities in file order, what the probe predicts, how the
/// train/test split was made, and the load report.
/// </summary>
/// <param name="Name">Registry name, such as "world_place".</param>
/// <param name="Kind">Place ([longitude, latitude]) or time ([year]).</param>
/// <param name="Entities">Entities in the order of the source file's rows.</param>
/// <param name="Report">Rows read, kept, repaired and dropped.</param>
/// <param name="TargetDescription">What the target is and how it was computed.</param>
/// <param name="SplitRule">How <see cref="Entity.IsTest"/> was decided.</param>
public sealed record EntityDataset(
    string Name,
    TargetKind Kind,
    IReadOnlyList<Entity> Entities,
    DatasetLoadReport Report,
    string TargetDescription,
    string SplitRule)
{
    /// <summary>Names of the target vector's components.</summary>
    public IReadOnlyList<string> TargetNames => Kind == TargetKind.Place ? ["longitude", "latitude"] : ["year"];

    /// <summary>Number of test entities.</summary>
    public int TestCount => Entities.Count(e => e.IsTest);

    /// <summary>The probe target of one entity: [longitude, latitude] for places, [year] for times.</summary>
    public double[] Target(Entity entity) => Kind == TargetKind.Place
        ? [entity.Longitude!.Value, entity.Latitude!.Value]
        : [entity.Year!.Value];

    /// <summary>All targets, one row per entity in <see cref="Entities"/> order.</summary>
    public double[][] Targets() => Entities.Select(Target).ToArray();
}
