using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using static TorchSharp.torch;
using static WorldProbe.Tests.SpaceTime.PlantedProbeData;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// Controls on planted data: the signal is at layer 2 only; layer 0, shuffled targets and a "random-init"
/// store of pure noise all score about zero, and every score has an interval.
/// </summary>
public sealed class ProbeControlsTests
{
    static Func<Tensor, Tensor> Noise(long seed) => x => randn(x.shape[0], x.shape[1], generator: new Generator((ulong)seed));

    [Fact]
    public void OnlyTheTrainedLayerWithTheSignalScores()
    {
        var groups = new Group[] { new("all", 2000, Axis(0, 0)) };
        var trained = Build(groups, TargetKind.Place, MetadataKeys.Country, noise: 0.3, dataset: "world_place",
            layers: new Dictionary<int, Func<Tensor, Tensor>> { [0] = Noise(3), [2] = x => x });
        var random = Build(groups, TargetKind.Place, MetadataKeys.Country, noise: 1, dataset: "world_place",
            layers: new Dictionary<int, Func<Tensor, Tensor>> { [0] = Noise(4), [1] = Noise(5), [2] = Noise(6) }) with { Model = "planted (random init, seed 1)" };

        var results = ProbeControls.Run(trained, random, new SpaceExperimentOptions { BootstrapResamples = 100 });

        Assert.Equal(2, results.Layer);   // chosen by leave-one-out error
        Assert.Equal(["trained model", "trained model, layer 0 (embeddings)", "shuffled training targets (same alpha)",
                      "random-init model, layer 2", "random-init model, its best layer by leave-one-out (" + results.Rows[^1].Layer + ")"],
            results.Rows.Select(r => r.Control));
        Assert.True(results.Rows[0].Scores.RSquared.Value > 0.9, $"trained {results.Rows[0].Scores.RSquared.Format()}");
        foreach (var control in results.Rows.Skip(1))
        {
            // A probe on shuffled targets still lines up with the true map by chance: R² of order 2/sqrt(n).
            Assert.True(control.Scores.RSquared.Value < 0.1, $"{control.Control}: {control.Scores.RSquared.Format()}");
            Assert.True(control.Scores.ProximityError.Low > 0.35, $"{control.Control}: {control.Scores.ProximityError.Format()}");
            Assert.True(control.Scores.RSquared.Low <= control.Scores.RSquared.Value && control.Scores.RSquared.Value <= control.Scores.RSquared.High);
        }
        Assert.Equal([0, 1, 2], results.RandomInitLayers.Select(r => r.Layer));
        Assert.Equal([0, 2], results.TrainedLayers.Select(r => r.Layer));
        Assert.Equal(results.Rows[0].Alpha, results.Rows[2].Alpha);   // the shuffled control keeps the alpha
    }

    [Fact]
    public void ARandomStoreOfAnotherDatasetIsAnError()
    {
        var groups = new Group[] { new("all", 100, Axis(0, 0)) };
        var trained = Build(groups, TargetKind.Time, MetadataKeys.Century, dataset: "art");
        var other = Build(groups, TargetKind.Time, MetadataKeys.Century, dataset: "pantheon");
        Assert.Contains("--random-init", Assert.Throws<WorldProbeException>(() => ProbeControls.Run(trained, other, new SpaceExperimentOptions { Layer = 0 })).Message);
    }
}
