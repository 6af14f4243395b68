namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// One held-out group (a block such as a country, or an entity type): its test rows scored by the
/// random-split probe (trained with the group's training rows) and by the holdout probe (trained
/// without any row of the group), and where the group's predicted centroid lies.
/// </summary>
/// <param name="Group">The group's value (country, state, borough, century, year, entity type).</param>
/// <param name="Entities">Entities of the group in the store (training and test).</param>
/// <param name="TrainRowsLeftOut">Training rows the holdout probe did not see.</param>
/// <param name="RandomSplit">Scores of the group's test rows under the random-split probe.</param>
/// <param name="Holdout">Scores of the same rows under the holdout probe.</param>
/// <param name="TrueOffset">True centroid of the group's test rows minus the overall centroid ([longitude, latitude] degrees or [years]).</param>
/// <param name="RandomSplitOffset">Predicted centroid (random-split probe) minus the overall centroid.</param>
/// <param name="HoldoutOffset">Predicted centroid (holdout probe) minus the overall centroid.</param>
/// <param name="RandomSplitAngleDegrees">Places: angle between the true and the random-split predicted offset (0 = same direction, 180 = opposite); times: 0 when the signs agree, 180 when not.</param>
/// <param name="HoldoutAngleDegrees">The same for the holdout probe.</param>
/// <param name="RandomSplitAngleFromTrainingDegrees">As <paramref name="RandomSplitAngleDegrees"/>, but both directions start at the centroid of the probe's own training rows (all training rows).</param>
/// <param name="HoldoutAngleFromTrainingDegrees">As <paramref name="HoldoutAngleDegrees"/>, but both directions start at the centroid of the holdout probe's training rows
/// (the other groups): a probe that predicts little more than its training mean cannot score well here, while from the overall centroid,
/// which includes the held-out group, the other groups' mean lies on the far side and such a probe looks 180° wrong.</param>
public sealed record GroupHoldoutRow(
    string Group,
    int Entities,
    int TrainRowsLeftOut,
    HeldOutScores RandomSplit,
    HeldOutScores Holdout,
    double[] TrueOffset,
    double[] RandomSplitOffset,
    double[] HoldoutOffset,
    double RandomSplitAngleDegrees,
    double HoldoutAngleDegrees,
    double RandomSplitAngleFromTrainingDegrees,
    double HoldoutAngleFromTrainingDegrees);
