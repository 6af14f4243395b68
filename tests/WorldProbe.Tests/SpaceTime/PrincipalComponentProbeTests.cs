using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using static TorchSharp.torch;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// PCA probes on planted data of rank 3 (three latent factors of different variance spread over 20
/// features, plus a little noise; the year is their sum): k = 3 reaches the full probe's R², k = 1 does
/// not, and k = d_model is the full probe.
/// </summary>
public sealed class PrincipalComponentProbeTests
{
    [Fact]
    public void ThePlantedRankReachesTheFullScore()
    {
        var generator = new Generator(7);
        const int n = 800, d = 20;
        var latent = randn(n, 3, dtype: ScalarType.Float64, generator: generator) * tensor(new[] { 10.0, 7.0, 5.0 }); // [n, 3]
        var mixing = linalg.qr(randn(d, 3, dtype: ScalarType.Float64, generator: generator)).Q.t(); // [3, d], orthonormal rows
        var features = (latent.matmul(mixing) + 0.1 * randn(n, d, dtype: ScalarType.Float64, generator: generator)).to_type(ScalarType.Float32);
        var years = 1900 + latent.sum([1L], keepdim: true); // [n, 1]
        var entities = Enumerable.Range(1, n).Select(id => new Entity(id, $"e{id}", "planted", null, null, null, id % 5 == 0, new Dictionary<string, string>())).ToArray();
        var data = new ProbeData("planted", "planted", "none", TargetKind.Time, entities, years, [0], _ => features);

        var results = PrincipalComponentProbe.Run(data, new SpaceExperimentOptions { BootstrapResamples = 100, Layer = 0, Components = [1, 2, 3, 5, 50] });

        Assert.Equal([1, 2, 3, 5, 20], results.Rows.Select(r => r.Components));   // 50 capped at d, full rank added once
        var byK = results.Rows.ToDictionary(r => r.Components, r => r.Scores.RSquared.Value);
        Assert.True(byK[20] > 0.99, $"full R² {byK[20]}");
        Assert.True(Math.Abs(byK[3] - byK[20]) < 0.002, $"k = 3: {byK[3]} vs full {byK[20]}");
        Assert.True(byK[1] < byK[20] - 0.2, $"k = 1: {byK[1]}");
        Assert.InRange(results.Rows.Single(r => r.Components == 3).VarianceExplained, 0.99, 1);
        Assert.Equal(1, results.Rows[^1].VarianceExplained, 9);

        // All components: a rotation of the centered features, so the ridge probe on the raw features.
        var train = tensor(data.Train);
        var test = tensor(data.Test);
        using var probe = RidgeProbe.Fit(features.index_select(0, train), years.index_select(0, train));
        double full = RSquared.Average(years.index_select(0, test), probe.Predict(features.index_select(0, test)));
        Assert.Equal(full, byK[20], 6);
    }
}
