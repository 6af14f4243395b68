using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Probing;

public class RidgeProbeTests
{
    /// <summary>
    /// Hand-worked case. x = (2, 2, 4, 4), y = (8, 10, 10, 12). Centered x = (-1, -1, 1, 1); y has
    /// mean 10 and population std sqrt(2), so z = (-sqrt2, 0, 0, sqrt2). Then sum x^2 = 4,
    /// sum x z = 2 sqrt2, fitted z_i = x_i 2 sqrt2 / (4 + alpha), leverage h = 1/4 + 1/(4 + alpha)
    /// and 1 - h = (8 + 3 alpha) / (4 (4 + alpha)). The leave-one-out residuals are
    /// -/+ 4 sqrt2 (2 + alpha) / (8 + 3 alpha) (outer rows) and +/- 8 sqrt2 / (8 + 3 alpha) (inner rows), so
    /// LOO MSE(alpha) = 16 ((2 + alpha)^2 + 4) / (8 + 3 alpha)^2, whose derivative vanishes where
    /// (2 + alpha)(8 + 3 alpha) = 3((2 + alpha)^2 + 4), i.e. alpha = 4 (MSE 1.6).
    /// At alpha = 4 the slope is (2 sqrt2 / 8) sqrt2 = 0.5 in original units and the intercept is
    /// 10 - 0.5 * 3 = 8.5; predictions (9.5, 9.5, 10.5, 10.5) leave SS_res = 5 against SS_tot = 8: R^2 = 0.375.
    /// </summary>
    [Fact]
    public void HandWorkedAlphaChoiceAndRSquared()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2, 2, 4, 4 }).unsqueeze(1);
        var y = tensor(new double[] { 8, 10, 10, 12 }).unsqueeze(1);
        double[] grid = [1, 2, 4, 8, 16];
        using var probe = RidgeProbe.Fit(x, y, new RidgeOptions { Alphas = grid });

        Assert.Equal(4.0, probe.Report.ChosenAlpha[0]);
        Assert.False(probe.Report.AlphaOnGridEdge);
        Assert.Null(probe.Report.Warning);
        for (int a = 0; a < grid.Length; a++)
        {
            double alpha = grid[a];
            double expected = 16 * ((2 + alpha) * (2 + alpha) + 4) / ((8 + 3 * alpha) * (8 + 3 * alpha));
            Assert.Equal(expected, probe.Report.LeaveOneOutError[a][0], 1e-12);
        }
        Assert.Equal(0.5, probe.Weights[0, 0].item<double>(), 1e-12);
        Assert.Equal(8.5, probe.Intercept[0].item<double>(), 1e-12);
        Assert.Equal(0.375, RSquared.Average(y, probe.Predict(x)), 1e-12);
    }

    /// <summary>
    /// Three points on a line, x = (-1, 0, 1), z = a(-1, 0, 1): the leave-one-out residuals are
    /// -/+ 3 a alpha / (1 + 2 alpha) and 0, increasing in alpha, so the smallest alpha wins and the
    /// probe must flag that it sits on the grid's edge.
    /// </summary>
    [Fact]
    public void FlagsAnAlphaOnTheGridEdge()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { -1, 0, 1 }).unsqueeze(1);
        using var probe = RidgeProbe.Fit(x, x * 3, new RidgeOptions { Alphas = [0.1, 1, 10] });
        Assert.Equal(0.1, probe.Report.ChosenAlpha[0]);
        Assert.True(probe.Report.AlphaOnGridEdge);
        Assert.Contains("edge", probe.Report.Warning);
        double a = Math.Sqrt(1.5); // z = x * sqrt(3/2): population std of (-1, 0, 1) is sqrt(2/3)
        Assert.Equal(2.0 / 3 * Math.Pow(3 * a * 0.1 / 1.2, 2), probe.Report.LeaveOneOutError[0][0], 1e-12);
    }

    /// <summary>
    /// Output 1 is the hand-worked case (best alpha 4). Output 2, z = (1, -1, -1, 1), is orthogonal
    /// to x, so its fit is 0 and its LOO residual z_i / (1 - h) shrinks as alpha grows: it wants the
    /// largest alpha. Its error (4 (4 + alpha) / (8 + 3 alpha))^2 (2.56, 2.25, 2.04 at 4, 8, 16) outweighs
    /// output 1's (1.6, 1.625, 1.673), so one shared alpha is 16.
    /// </summary>
    [Fact]
    public void AlphaPerOutputOrShared()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 2, 2, 4, 4 }).unsqueeze(1);
        var y = stack([tensor(new double[] { 8, 10, 10, 12 }), tensor(new double[] { 1, -1, -1, 1 })], 1);
        double[] grid = [1, 2, 4, 8, 16];
        using var perOutput = RidgeProbe.Fit(x, y, new RidgeOptions { Alphas = grid, AlphaPerOutput = true });
        using var shared = RidgeProbe.Fit(x, y, new RidgeOptions { Alphas = grid });
        Assert.Equal([4.0, 16.0], perOutput.Report.ChosenAlpha);
        Assert.Equal([16.0, 16.0], shared.Report.ChosenAlpha);
        Assert.True(perOutput.Report.AlphaOnGridEdge);
        Assert.Equal(Math.Pow(4.0 * 12 / 32, 2), perOutput.Report.LeaveOneOutError[3][1], 1e-12);
    }

    [Fact]
    public void SaveAndLoadGiveTheSamePredictions()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(11);
        var x = randn(60, 6, ScalarType.Float32, generator: generator);
        var y = x.narrow(1, 0, 2).to(ScalarType.Float64) * 5 + 100 + randn(60, 2, ScalarType.Float64, generator: generator);
        using var probe = RidgeProbe.Fit(x, y);
        string folder = Directory.CreateTempSubdirectory("ridge-probe-").FullName;
        try
        {
            string file = Path.Combine(folder, "probe.safetensors");
            probe.Save(file);
            // The safetensors layout: an 8-byte little-endian header length, then JSON naming dtype and shape.
            byte[] bytes = File.ReadAllBytes(file);
            long headerLength = BitConverter.ToInt64(bytes, 0);
            using var header = System.Text.Json.JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
            var weight = header.RootElement.GetProperty("weight");
            Assert.Equal("F64", weight.GetProperty("dtype").GetString());
            Assert.Equal([6, 2], weight.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()));
            using var loaded = RidgeProbe.Load(file);
            Assert.True(allclose(probe.Predict(x), loaded.Predict(x), rtol: 0, atol: 0));
            Assert.Equal(probe.Report.ChosenAlpha, loaded.Report.ChosenAlpha);
            Assert.Equal(probe.Scaler.Mean, loaded.Scaler.Mean);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }

    [Fact]
    public void DefaultGridIsWideAndLogSpaced()
    {
        var grid = AlphaGrid.Default;
        Assert.Equal(41, grid.Length);
        Assert.Equal(1e-2, grid[0], 1e-15);
        Assert.Equal(1e8, grid[^1], 1e-4);
        Assert.Equal(Math.Pow(10, 0.25), grid[1] / grid[0], 1e-12);
    }

    [Fact]
    public void RejectsNonFiniteFeaturesNamingTheColumn()
    {
        using var scope = NewDisposeScope();
        var x = randn(10, 4, ScalarType.Float64, generator: new Generator(1));
        x[3, 2] = tensor(double.NaN);
        var error = Assert.Throws<WorldProbeException>(() => RidgeProbe.Fit(x, x.narrow(1, 0, 1).nan_to_num()));
        Assert.Contains("column 2", error.Message);
    }

    /// <summary>Two rows, one feature, alpha 1e-300: the fit interpolates (h_ii = 1/2 + 0.25/0.5 = 1),
    /// so the leave-one-out error is infinite; the probe must choose the other alpha and still save.</summary>
    [Fact]
    public void InterpolatingAlphaHasInfiniteErrorAndStillSaves()
    {
        using var scope = NewDisposeScope();
        var x = tensor(new double[] { 0, 1 }).unsqueeze(1);
        using var probe = RidgeProbe.Fit(x, x * 2, new RidgeOptions { Alphas = [1e-300, 1] });
        Assert.True(double.IsPositiveInfinity(probe.Report.LeaveOneOutError[0][0]));
        Assert.Equal(1.0, probe.Report.ChosenAlpha[0]);
        string folder = Directory.CreateTempSubdirectory("ridge-probe-").FullName;
        try
        {
            probe.Save(Path.Combine(folder, "p.safetensors"));
            using var loaded = RidgeProbe.Load(Path.Combine(folder, "p.safetensors"));
            Assert.True(double.IsPositiveInfinity(loaded.Report.LeaveOneOutError[0][0]));
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
