using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using static WorldProbe.Tests.SpaceTime.PlantedProbeData;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Entity-type holdout on planted types: types that share the map transfer, a type with the negated map does not; small types are skipped.</summary>
public sealed class EntityTypeHoldoutTests
{
    static readonly SpaceExperimentOptions Options = new() { BootstrapResamples = 100, Layer = 0 };

    [Fact]
    public void TypesSharingTheMapTransfer()
    {
        var data = Build([new("city", 150, Axis(0, 3)), new("structure", 100, Axis(1, 3)), new("natural", 100, Axis(2, -3)), new("rare", 30, Axis(4, 3))],
            TargetKind.Place, MetadataKeys.EntityType, noise: 0.01, dataset: "world_place");
        var results = EntityTypeHoldout.Run(data, Options);

        Assert.Equal(EntityTypeHoldout.Name, results.Experiment);
        Assert.Equal(["city", "natural", "structure"], results.Groups.Select(g => g.Group));   // largest first, ties by name; "rare" (30 < 50) skipped
        Assert.Equal(1, results.GroupsSkipped);
        foreach (var group in results.Groups)
        {
            Assert.True(group.Holdout.ProximityError.Value < 0.02, $"{group.Group}: {group.Holdout.ProximityError.Format()}");
            Assert.True(group.Holdout.RSquared.Value > 0.99, $"{group.Group}: R² {group.Holdout.RSquared.Format()}");
        }
    }

    [Fact]
    public void ATypeWithAnotherMapDoesNotTransfer()
    {
        var data = Build([new("city", 200, Axis(0, 3)), new("structure", 200, Axis(1, 3)), new("odd", 60, Axis(2, 3), Negated: true)],
            TargetKind.Place, MetadataKeys.EntityType, noise: 0.01, dataset: "world_place");
        var results = EntityTypeHoldout.Run(data, Options);
        var odd = results.Groups.Single(g => g.Group == "odd");
        var city = results.Groups.Single(g => g.Group == "city");
        // Trained without the odd type, the probe applies the others' map to it: far off, worse than with it, worse than city.
        Assert.True(odd.Holdout.RSquared.Value < 0, $"odd R² {odd.Holdout.RSquared.Format()}");
        Assert.True(odd.Holdout.MeanError.Value > odd.RandomSplit.MeanError.Value, $"odd km {odd.Holdout.MeanError.Value} vs {odd.RandomSplit.MeanError.Value}");
        Assert.True(odd.Holdout.ProximityError.Value > city.Holdout.ProximityError.Value + 0.1, $"odd {odd.Holdout.ProximityError.Format()}, city {city.Holdout.ProximityError.Format()}");
    }

    [Fact]
    public void ADatasetWithoutTypesIsAnError()
    {
        var data = Build([new("1", 100, Axis(0, 3))], TargetKind.Time, MetadataKeys.Century, dataset: "pantheon");
        Assert.Contains("entity type", Assert.Throws<WorldProbeException>(() => EntityTypeHoldout.Run(data, Options)).Message);
    }
}
