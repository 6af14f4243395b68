using WorldProbe.Probing;
using static TorchSharp.torch;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>The fixed-alpha ridge behind the holdouts equals the leave-one-out ridge probe at that alpha, and leaving rows out of its statistics equals fitting without them.</summary>
public sealed class FixedAlphaRidgeTests
{
    static (Tensor X, Tensor Y) Data(long seed)
    {
        var generator = new Generator((ulong)seed);
        var x = randn(300, 12, dtype: ScalarType.Float32, generator: generator) * 3 + 5; // an offset mean, as residual streams have
        var y = x.to_type(ScalarType.Float64).matmul(randn(12, 2, dtype: ScalarType.Float64, generator: generator)) * tensor(new[] { 10.0, 0.5 })
                + randn(300, 2, dtype: ScalarType.Float64, generator: generator) + tensor(new[] { 100.0, -3.0 });
        return (x, y);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(30.0)]
    [InlineData(3000.0)]
    public void EqualsTheRidgeProbeAtThatAlpha(double alpha)
    {
        var (x, y) = Data(1);
        using var probe = RidgeProbe.Fit(x, y, new RidgeOptions { Alphas = [alpha] });
        using var statistics = FixedAlphaRidge.Of(x, y);
        var (weight, intercept) = statistics.Solve(alpha);
        Assert.True(weight.allclose(probe.Weights, rtol: 1e-8, atol: 1e-9), "weights differ");
        Assert.True(intercept.allclose(probe.Intercept, rtol: 1e-8, atol: 1e-8), "intercepts differ");
    }

    [Fact]
    public void LeavingRowsOutEqualsFittingWithoutThem()
    {
        var (x, y) = Data(2);
        var left = arange(40, 120, dtype: ScalarType.Int64);
        var kept = cat([arange(0, 40, dtype: ScalarType.Int64), arange(120, 300, dtype: ScalarType.Int64)], 0);
        using var all = FixedAlphaRidge.Of(x, y);
        using var without = all.Without(x.index_select(0, left), y.index_select(0, left));
        using var direct = FixedAlphaRidge.Of(x.index_select(0, kept), y.index_select(0, kept));
        Assert.Equal(220, without.Rows);
        Assert.True(without.Predict(x, 5).allclose(direct.Predict(x, 5), rtol: 1e-9, atol: 1e-8));
        Assert.Throws<WorldProbeException>(() => all.Without(x.narrow(0, 0, 299), y.narrow(0, 0, 299)));
    }
}
