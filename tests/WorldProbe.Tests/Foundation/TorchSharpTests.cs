using TorchSharp;
using WorldProbe.Compute;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Foundation;

public class TorchSharpTests
{
    public TorchSharpTests() => TorchRuntime.Initialize();

    [Fact]
    public void MatrixProductEqualsHandComputedValues()
    {
        using var scope = NewDisposeScope();
        var a = tensor(new float[] { 1, 2, 3, 4, 5, 6 }, 2, 3);
        var b = tensor(new float[] { 7, 8, 9, 10, 11, 12 }, 3, 2);
        // [1 2 3; 4 5 6] x [7 8; 9 10; 11 12] = [58 64; 139 154]
        Assert.Equal(new float[] { 58, 64, 139, 154 }, a.matmul(b).data<float>().ToArray());
    }

    [Fact]
    public void GradientOfQuadraticFormEqualsClosedForm()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator(seed: 7);
        var a = randn(5, 5, dtype: ScalarType.Float64, generator: generator);
        var x = randn(5, dtype: ScalarType.Float64, generator: generator).requires_grad_(true);
        // f(x) = x^T A x  =>  grad f = (A + A^T) x
        var f = x.dot(a.matmul(x));
        f.backward();
        var expected = (a + a.t()).matmul(x.detach());
        Assert.True(x.grad!.allclose(expected, rtol: 1e-12, atol: 1e-12));
    }

    [Fact]
    public void SgdStepOnLeastSquaresMatchesAnalyticUpdate()
    {
        using var scope = NewDisposeScope();
        // loss = mean((X w - y)^2); one SGD step must equal w - lr * 2/n X^T (X w - y).
        var x = tensor(new double[] { 1, 0, 0, 1, 1, 1 }, 3, 2);
        var y = tensor(new double[] { 1, 2, 3 });
        var w = new TorchSharp.Modules.Parameter(zeros(2, dtype: ScalarType.Float64));
        var optimizer = optim.SGD([w], 0.1);
        var loss = (x.matmul(w) - y).pow(2).mean();
        loss.backward();
        optimizer.step();
        // gradient at w = 0: 2/3 X^T(-y) = 2/3 * [-(1+3), -(2+3)] = [-8/3, -10/3]
        var expected = tensor(new double[] { 0.8 / 3, 1.0 / 3 });
        Assert.True(w.detach().allclose(expected, rtol: 1e-12, atol: 1e-14));
    }
}
