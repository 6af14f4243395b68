using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Probing;

public class MetricTests
{
    static Tensor Values(params double[] values) => tensor(values);

    /// <summary>Paris (48.8566 N, 2.3522 E) to London (51.5074 N, 0.1278 W): 343.56 km on R = 6371.0088 km.
    /// Swapping latitude and longitude would give 403.58 km.</summary>
    [Fact]
    public void HaversineParisLondon()
    {
        double km = GreatCircle.DistanceKm(48.8566, 2.3522, 51.5074, -0.1278);
        Assert.Equal(343.5565, km, 1e-3);
    }

    /// <summary>Latitude and longitude are in the right order: (60 N, 0 E) to (60 N, 90 E) has
    /// cos c = sin^2 60 + cos^2 60 cos 90 = 3/4; (0, 0) to (0, 180 E) is half the circumference.</summary>
    [Fact]
    public void HaversineKnownAngles()
    {
        Assert.Equal(Math.Acos(0.75) * GreatCircle.EarthRadiusKm, GreatCircle.DistanceKm(60, 0, 60, 90), 1e-6);
        Assert.Equal(Math.PI * GreatCircle.EarthRadiusKm, GreatCircle.DistanceKm(0, 0, 0, 180), 1e-6);
        Assert.Equal(0.0, GreatCircle.DistanceKm(10, 179.5, 10, -180.5), 1e-6);
    }

    /// <summary>Years y = (0, 10, 20), predictions (2, 30, 19). Entity 0: own distance 2, others'
    /// predictions are 30 and 19 away: 0. Entity 1: own 20; 2 (8 away) and 19 (9 away) are closer: 1.
    /// Entity 2: own 1; 2 and 30 are 18 and 10 away: 0. Mean 1/3.</summary>
    [Fact]
    public void ProximityErrorForYears()
    {
        var perEntity = ProximityError.ForScalars(Values(0, 10, 20), Values(2, 30, 19));
        Assert.Equal([0.0, 1.0, 0.0], perEntity.data<double>().ToArray());
        Assert.Equal(1.0 / 3, ProximityError.MeanForScalars(Values(0, 10, 20), Values(2, 30, 19)), 1e-15);
    }

    /// <summary>Truth: Paris, London, Madrid. Predictions: Paris, Madrid, Madrid. Paris and Madrid are
    /// predicted exactly (0). London's own prediction is 1263 km off; Paris's prediction is 344 km
    /// from London (closer), Madrid's is exactly as far (a tie, not closer): 1/2. Mean 1/6.</summary>
    [Fact]
    public void ProximityErrorForPlaces()
    {
        var lat = Values(48.8566, 51.5074, 40.4168);
        var lon = Values(2.3522, -0.1278, -3.7038);
        var predictedLat = Values(48.8566, 40.4168, 40.4168);
        var predictedLon = Values(2.3522, -3.7038, -3.7038);
        var perEntity = ProximityError.ForPlaces(lat, lon, predictedLat, predictedLon);
        Assert.Equal([0.0, 0.5, 0.0], perEntity.data<double>().ToArray());
    }

    [Fact]
    public void ProximityErrorChunksAgreeWithAPlainLoop()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(5);
        var truth = randn(3000, ScalarType.Float64, generator: generator);
        var predicted = truth + randn(3000, ScalarType.Float64, generator: generator);
        var fast = ProximityError.ForScalars(truth, predicted).data<double>().ToArray();
        var t = truth.data<double>().ToArray();
        var p = predicted.data<double>().ToArray();
        foreach (int i in new[] { 0, 1, 1500, 2999 })
        {
            double own = Math.Abs(t[i] - p[i]);
            double expected = Enumerable.Range(0, t.Length).Count(j => j != i && Math.Abs(t[i] - p[j]) < own) / 2999.0;
            Assert.Equal(expected, fast[i], 1e-15);
        }
    }

    /// <summary>x = (1, 2, 2, 3) has average ranks (1, 2.5, 2.5, 4); y = (1, 3, 2, 4) ranks (1, 3, 2, 4).
    /// Centered: (-1.5, 0, 0, 1.5) and (-1.5, 0.5, -0.5, 1.5): covariance sum 4.5, sums of squares 4.5
    /// and 5, so rho = 4.5 / sqrt(4.5 * 5) = sqrt(0.9) = 0.948683.</summary>
    [Fact]
    public void SpearmanWithTies()
    {
        Assert.Equal([1.0, 2.5, 2.5, 4.0], Spearman.AverageRanks(Values(1, 2, 2, 3)).data<double>().ToArray());
        Assert.Equal(Math.Sqrt(0.9), Spearman.Correlation(Values(1, 2, 2, 3), Values(1, 3, 2, 4)), 1e-12);
    }

    /// <summary>x = (1, 2, 3), y = (1, 2, 4): centered (-1, 0, 1) and (-4/3, -1/3, 5/3), covariance
    /// sum 3, sums of squares 2 and 42/9, r = 9 / sqrt(84).</summary>
    [Fact]
    public void PearsonByHand()
    {
        Assert.Equal(9 / Math.Sqrt(84), Pearson.Correlation(Values(1, 2, 3), Values(1, 2, 4)), 1e-12);
        Assert.True(double.IsNaN(Pearson.Correlation(Values(1, 1, 1), Values(1, 2, 4))));
    }

    /// <summary>Output 1: y = (1, 2, 3), yhat = (1, 2, 2): SS_res 1, SS_tot 2, R^2 = 0.5, MAE 1/3.
    /// A constant output scores 1 when predicted exactly and 0 otherwise (sklearn's convention).</summary>
    [Fact]
    public void RSquaredAndMeanAbsoluteErrorByHand()
    {
        var truth = stack([Values(1, 2, 3), Values(5, 5, 5)], 1);
        var exact = stack([Values(1, 2, 2), Values(5, 5, 5)], 1);
        var wrong = stack([Values(1, 2, 2), Values(5, 5, 6)], 1);
        Assert.Equal([0.5, 1.0], RSquared.PerOutput(truth, exact));
        Assert.Equal([0.5, 0.0], RSquared.PerOutput(truth, wrong));
        Assert.Equal(0.75, RSquared.Average(truth, exact), 1e-15);
        Assert.Equal(1.0 / 3, MeanAbsoluteError.PerOutput(truth, wrong)[0], 1e-15);
        Assert.Equal(1.0 / 3, MeanAbsoluteError.PerOutput(truth, wrong)[1], 1e-15);
    }

    /// <summary>Nominal 95% intervals for the mean of N(3, 1) samples (n = 200) cover 3 in about 95% of
    /// 100 independent data sets (binomial: 88..100 holds with probability > 0.99).</summary>
    [Fact]
    public void BootstrapIntervalCoversTheTrueMean()
    {
        var generator = new Generator(2024);
        int covered = 0;
        for (int set = 0; set < 100; set++)
        {
            using var scope = NewDisposeScope();
            var sample = randn(200, ScalarType.Float64, generator: generator) + 3;
            var interval = Bootstrap.PercentileInterval(200, rows => sample.index_select(0, rows).mean().item<double>(),
                new BootstrapOptions(Resamples: 400, Seed: set));
            if (interval.Contains(3)) covered++;
            Assert.True(interval.Low < interval.Estimate && interval.Estimate < interval.High);
        }
        Assert.InRange(covered, 88, 100);
    }

    /// <summary>50 groups of 10 identical rows: the mean's standard error is 1/sqrt(50), not 1/sqrt(500).
    /// Resampling groups sees that; resampling rows does not. Width of a 95% interval is about
    /// 3.92 x standard error: 0.55 for groups, 0.18 for rows.</summary>
    [Fact]
    public void BootstrapResamplesWholeGroups()
    {
        using var scope = NewDisposeScope();
        var groupValues = randn(50, ScalarType.Float64, generator: new Generator(9));
        var values = groupValues.repeat_interleave(10);
        var groups = Enumerable.Range(0, 500).Select(row => (long)(row / 10)).ToArray();
        double Mean(Tensor rows) => values.index_select(0, rows).mean().item<double>();
        var byGroup = Bootstrap.PercentileInterval(500, Mean, new BootstrapOptions(Resamples: 500, Seed: 1), groups);
        var byRow = Bootstrap.PercentileInterval(500, Mean, new BootstrapOptions(Resamples: 500, Seed: 1));
        Assert.InRange(byGroup.High - byGroup.Low, 0.35, 0.8);
        Assert.InRange(byRow.High - byRow.Low, 0.1, 0.26);
        var again = Bootstrap.PercentileInterval(500, Mean, new BootstrapOptions(Resamples: 500, Seed: 1), groups);
        Assert.Equal(byGroup, again);
    }
}
