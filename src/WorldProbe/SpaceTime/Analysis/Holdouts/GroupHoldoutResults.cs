namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What a holdout experiment (<see cref="BlockHoldout"/>, <see cref="EntityTypeHoldout"/>) writes.</summary>
/// <param name="Experiment">"block-holdout" or "entity-holdout".</param>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="GroupedBy">The metadata the groups come from (country, state, century, entity type...).</param>
/// <param name="Layer">The layer probed.</param>
/// <param name="Alpha">The ridge alpha chosen by leave-one-out on all training rows, used for every holdout fit.</param>
/// <param name="MinGroupEntities">Only groups with at least this many entities are held out.</param>
/// <param name="GroupsSkipped">Groups below that size (or without test rows).</param>
/// <param name="BootstrapResamples">Resamples of every interval.</param>
/// <param name="Groups">One row per held-out group, largest first.</param>
/// <param name="PooledRandomSplit">The test rows of all held-out groups together, random-split probe.</param>
/// <param name="PooledHoldout">The same rows, each scored by the probe that held its group out.</param>
/// <param name="MeanHoldoutAngleDegrees">Mean over groups of the holdout angle (places) or share of groups whose offset sign disagrees × 180 (times).</param>
/// <param name="MeanRandomSplitAngleDegrees">The same for the random-split probe.</param>
/// <param name="MeanHoldoutAngleFromTrainingDegrees">Mean of <see cref="GroupHoldoutRow.HoldoutAngleFromTrainingDegrees"/> (times: share of wrong signs × 180).</param>
/// <param name="MeanRandomSplitAngleFromTrainingDegrees">Mean of <see cref="GroupHoldoutRow.RandomSplitAngleFromTrainingDegrees"/>.</param>
public sealed record GroupHoldoutResults(
    string Experiment,
    string Model,
    string Dataset,
    string Prompt,
    string Kind,
    string GroupedBy,
    int Layer,
    double Alpha,
    int MinGroupEntities,
    int GroupsSkipped,
    int BootstrapResamples,
    IReadOnlyList<GroupHoldoutRow> Groups,
    HeldOutScores PooledRandomSplit,
    HeldOutScores PooledHoldout,
    double MeanHoldoutAngleDegrees,
    double MeanRandomSplitAngleDegrees,
    double MeanHoldoutAngleFromTrainingDegrees,
    double MeanRandomSplitAngleFromTrainingDegrees)
{
    /// <summary>The file name of <paramref name="experiment"/>'s results inside the output folder.</summary>
    public static string FileNameOf(string experiment) => experiment + ".json";
}
