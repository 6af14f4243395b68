using WorldProbe.Probing;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Probing;

public class RidgeLeaveOneOutTests
{
    static readonly double[] Alphas = [0.1, 1, 10, 100];

    /// <summary>
    /// The closed-form residuals equal an explicit leave-one-out refit: for each row i, ridge with an
    /// intercept refitted on the other n - 1 rows (their own means), predicting row i. Targets are
    /// z-scored once beforehand, as the probe does.
    /// </summary>
    [Theory]
    [InlineData(30, 5, RidgeSolver.Auto)]        // n > d: covariance
    [InlineData(12, 20, RidgeSolver.Auto)]       // n < d: Gram
    [InlineData(30, 5, RidgeSolver.Gram)]
    [InlineData(12, 20, RidgeSolver.Covariance)]
    public void ClosedFormResidualsEqualExplicitRefits(int n, int d, RidgeSolver solver)
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(7);
        // Features with a nonzero mean and unequal scales, so centering and the intercept matter.
        var x = (randn(n, d, ScalarType.Float64, generator: generator) * linspace(0.5, 3, d, ScalarType.Float64) + 4.0).to(ScalarType.Float32).to(ScalarType.Float64);
        var y = randn(n, 2, ScalarType.Float64, generator: generator) + x.narrow(1, 0, 2) * 0.7 + 10.0;
        var standardized = TargetScaler.Fit(y).Transform(y);

        using var path = RidgeLeaveOneOut.Compute(x, standardized, Alphas, solver, keepResiduals: true);
        var residuals = path.Residuals!; // [n, alphas, k]

        for (int a = 0; a < Alphas.Length; a++)
        {
            for (int i = 0; i < n; i++)
            {
                var expected = ExplicitLeaveOneOutResidual(x, standardized, i, Alphas[a]); // [k]
                for (int o = 0; o < 2; o++)
                    Assert.Equal(expected[o], residuals[i, a, o].item<double>(), 1e-8);
            }
            // The reported error is the mean of those squared residuals.
            for (int o = 0; o < 2; o++)
                Assert.Equal(residuals[.., a, o].square().mean().item<double>(), path.LeaveOneOutSquaredError[a][o], 1e-10);
        }
    }

    static double[] ExplicitLeaveOneOutResidual(Tensor x, Tensor y, int heldOut, double alpha)
    {
        using var scope = NewDisposeScope();
        long n = x.shape[0], d = x.shape[1];
        var keep = tensor(Enumerable.Range(0, (int)n).Where(r => r != heldOut).Select(r => (long)r).ToArray());
        var xTrain = x.index_select(0, keep);
        var yTrain = y.index_select(0, keep);
        var xMean = xTrain.mean([0L]);
        var yMean = yTrain.mean([0L]);
        var xc = xTrain - xMean;
        var weights = linalg.solve(xc.t().mm(xc) + eye(d, dtype: ScalarType.Float64) * alpha, xc.t().mm(yTrain - yMean)); // [d, k]
        var intercept = yMean - xMean.matmul(weights);
        var prediction = x[heldOut].matmul(weights) + intercept;
        return (y[heldOut] - prediction).data<double>().ToArray();
    }

    /// <summary>d = 300 splits the covariance into two block rows (blocks of 256), so the
    /// lower-triangle product is exercised; both decompositions must agree on everything.</summary>
    [Fact]
    public void BothSolversGiveTheSameCoefficientsAndErrors()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(3);
        var x = randn(400, 300, ScalarType.Float64, generator: generator) + 1;
        var y = TargetScaler.Fit(x.narrow(1, 0, 1)).Transform(x.narrow(1, 0, 1) + randn(400, 1, ScalarType.Float64, generator: generator));
        using var covariance = RidgeLeaveOneOut.Compute(x, y, Alphas, RidgeSolver.Covariance);
        using var gram = RidgeLeaveOneOut.Compute(x, y, Alphas, RidgeSolver.Gram);
        Assert.True(allclose(covariance.Coefficients, gram.Coefficients, rtol: 1e-8, atol: 1e-10));
        for (int a = 0; a < Alphas.Length; a++)
            Assert.Equal(gram.LeaveOneOutSquaredError[a][0], covariance.LeaveOneOutSquaredError[a][0], 1e-9);
    }
}
