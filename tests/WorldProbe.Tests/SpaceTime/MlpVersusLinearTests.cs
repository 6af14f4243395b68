using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using static WorldProbe.Tests.SpaceTime.PlantedProbeData;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>On a planted linear map with noise, the MLP probe is no better than ridge (both near the noise ceiling), on the same rows.</summary>
public sealed class MlpVersusLinearTests
{
    [Fact]
    public void OnALinearMapBothProbesAgree()
    {
        var data = Build([new("all", 1500, Axis(0, 0))], TargetKind.Time, MetadataKeys.Century, noise: 1.0,
            layers: new Dictionary<int, Func<TorchSharp.torch.Tensor, TorchSharp.torch.Tensor>> { [0] = x => x, [1] = x => x * 3 });
        var results = MlpVersusLinear.Run(data, new SpaceExperimentOptions { BootstrapResamples = 100, Layers = [1], MaxTrainRows = 1000 });

        Assert.Equal(1000, results.TrainRowsUsed);
        Assert.Equal(1200, results.TrainRows);
        var layer = Assert.Single(results.Layers);
        Assert.Equal(1, layer.Layer);
        Assert.Equal(300, layer.Ridge.Rows);
        Assert.True(layer.Ridge.RSquared.Value > 0.9, $"ridge {layer.Ridge.RSquared.Format()}");
        Assert.True(Math.Abs(layer.StandardizedRidge.RSquared.Value - layer.Ridge.RSquared.Value) < 0.01, $"standardized ridge {layer.StandardizedRidge.RSquared.Format()}");
        Assert.True(layer.Mlp.RSquared.Value > 0.85, $"MLP {layer.Mlp.RSquared.Format()}");
        Assert.True(layer.Mlp.RSquared.Value < layer.Ridge.RSquared.Value + 0.02, $"MLP {layer.Mlp.RSquared.Value} vs ridge {layer.Ridge.RSquared.Value}");
        Assert.Contains(layer.MlpWeightDecay, new[] { 0.01, 0.03, 0.1, 0.3 });
    }

    [Fact]
    public void EvenSubsetKeepsOrderAndSpacing()
    {
        Assert.Equal([0L, 2, 4, 6, 8], MlpVersusLinear.EvenSubset([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 5));
        long[] all = [1, 2, 3];
        Assert.Same(all, MlpVersusLinear.EvenSubset(all, null));
        Assert.Same(all, MlpVersusLinear.EvenSubset(all, 10));
    }
}
