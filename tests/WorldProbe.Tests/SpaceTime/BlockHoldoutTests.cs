using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using static WorldProbe.Tests.SpaceTime.PlantedProbeData;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// Block holdout on planted places: when every block follows the same linear map, a held-out block is
/// placed as well as under the random split and in the right direction (angle ~0); a block whose targets
/// follow the negated map is sent the opposite way (angle ~180).
/// </summary>
public sealed class BlockHoldoutTests
{
    static readonly SpaceExperimentOptions Options = new() { BootstrapResamples = 100, Layer = 0 };

    [Fact]
    public void BlocksFollowingTheSameMapArePlacedInTheRightDirection()
    {
        var data = Build([new("A", 120, Axis(0, 4)), new("B", 100, Axis(0, -4)), new("C", 80, Axis(1, 4)), new("D", 80, Axis(1, -4)), new("small", 20, Axis(2, 4))],
            TargetKind.Place, MetadataKeys.Country, noise: 0.01, dataset: "world_place");
        var results = BlockHoldout.Run(data, Options);

        Assert.Equal(MetadataKeys.Country, results.GroupedBy);
        Assert.Equal(["A", "B", "C", "D"], results.Groups.Select(g => g.Group));   // largest first; "small" (20 < 50) skipped
        Assert.Equal(1, results.GroupsSkipped);
        foreach (var group in results.Groups)
        {
            Assert.InRange(group.HoldoutAngleDegrees, 0, 1);
            Assert.InRange(group.RandomSplitAngleDegrees, 0, 1);
            Assert.InRange(group.HoldoutAngleFromTrainingDegrees, 0, 1);
            Assert.Equal(data.Entities.Count(e => e.Get(MetadataKeys.Country) == group.Group && !e.IsTest), group.TrainRowsLeftOut);
            // Near-exact predictions: the same tiny errors with or without the block.
            Assert.True(group.Holdout.MeanError.Value < 5, $"{group.Group}: {group.Holdout.MeanError.Value} km");
            Assert.InRange(group.Holdout.ProximityError.Value, 0, 0.01);
            Assert.InRange(group.Holdout.MeanError.Value, group.Holdout.MeanError.Low, group.Holdout.MeanError.High);
        }
        Assert.Equal(results.Groups.Sum(g => g.Holdout.Rows), results.PooledHoldout.Rows);
        Assert.Contains("--block", Assert.Throws<WorldProbeException>(() => BlockHoldout.Run(data, Options with { BlockKey = MetadataKeys.Decade })).Message);
    }

    [Fact]
    public void ABlockFollowingTheNegatedMapIsSentTheOppositeWay()
    {
        // A and B cancel, C and the negated D cancel: the overall centroid is about 0, so D's true offset is -mean(D)·W
        // while a probe trained on A, B, C predicts +mean(D)·W.
        var data = Build([new("A", 100, Axis(0, 4)), new("B", 100, Axis(0, -4)), new("C", 100, Axis(1, 4)), new("D", 100, Axis(1, 4), Negated: true)],
            TargetKind.Place, MetadataKeys.Country, dataset: "world_place");
        var d = BlockHoldout.Run(data, Options).Groups.Single(g => g.Group == "D");
        Assert.InRange(d.HoldoutAngleDegrees, 170, 180);
        Assert.InRange(d.HoldoutAngleFromTrainingDegrees, 170, 180);   // from A, B, C's centroid as well
        Assert.True(d.Holdout.ProximityError.Value > d.RandomSplit.ProximityError.Value, "holding D out must hurt it");
    }

    [Fact]
    public void AnglesOfOffsets()
    {
        Assert.Equal(0, GroupHoldout.AngleDegrees([3, 4], [6, 8]), 9);
        Assert.Equal(180, GroupHoldout.AngleDegrees([3, 4], [-3, -4]), 9);
        Assert.Equal(90, GroupHoldout.AngleDegrees([1, 0], [0, 2]), 9);
        Assert.Equal(0, GroupHoldout.AngleDegrees([-20], [-1]), 9);      // years: same sign
        Assert.Equal(180, GroupHoldout.AngleDegrees([-20], [5]), 9);     // years: wrong side of the mean
        Assert.True(double.IsNaN(GroupHoldout.AngleDegrees([0, 0], [1, 1])));
    }

    [Theory]
    [InlineData("world_place", MetadataKeys.Country)]
    [InlineData("us_place", MetadataKeys.State)]
    [InlineData("nyc_place", MetadataKeys.Borough)]
    [InlineData("art", MetadataKeys.Century)]
    [InlineData("pantheon", MetadataKeys.Century)]
    [InlineData("headlines_abc", MetadataKeys.Year)]
    public void EachDatasetHasItsBlock(string dataset, string key) => Assert.Equal(key, BlockHoldout.BlockKey(dataset));

    [Fact]
    public void TimeBlocksReportTheSignOfTheOffset()
    {
        var data = Build([new("1", 100, Axis(0, 3)), new("2", 100, Axis(0, -3)), new("3", 100, Axis(1, 3)), new("4", 100, Axis(1, -3))],
            TargetKind.Time, MetadataKeys.Century, noise: 0.01, dataset: "pantheon");
        var results = BlockHoldout.Run(data, Options);
        Assert.All(results.Groups, g => Assert.Equal(0, g.HoldoutAngleDegrees));
        Assert.Equal(0, results.MeanHoldoutAngleDegrees);
        Assert.True(results.PooledHoldout.MeanError.Value < 0.1, $"{results.PooledHoldout.MeanError.Value} years");
    }
}
