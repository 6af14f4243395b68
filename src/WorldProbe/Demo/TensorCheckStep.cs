using TorchSharp;
using WorldProbe.Compute;
using WorldProbe.Reports;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Demo;

/// <summary>
/// The first demo step: proves libtorch runs here (a product and a gradient checked against closed
/// forms) and records the machine's matrix-multiply rates, which later steps use for utilization.
/// </summary>
public sealed class TensorCheckStep : IDemoStep
{
    /// <inheritdoc />
    public string Name => "machine";

    /// <inheritdoc />
    public void Run(string folder, HtmlReport report, IProgressSink progress)
    {
        using var task = progress.Start("libtorch check and matmul rate", 3, "checks");
        using var scope = NewDisposeScope();
        // d/dx sum((A x)^2) = 2 A^T A x: checked exactly on small integers.
        var a = tensor(new float[] { 1, 2, 3, 4 }, 2, 2);
        var x = tensor(new float[] { 1, -1 }, requires_grad: true);
        var loss = a.matmul(x).pow(2).sum();
        loss.backward();
        float[] gradient = x.grad!.data<float>().ToArray();
        bool ok = loss.item<float>() == 2f && gradient.SequenceEqual(new float[] { -8f, -12f });
        task.Advance(1);
        double fp32 = MatmulRate.Measure(2048, ScalarType.Float32);
        task.Advance(1);
        double bf16 = MatmulRate.Measure(2048, ScalarType.BFloat16);
        task.Advance(1);
        report.Heading("This machine")
              .Paragraph($"{BuildInfo.Machine}; libtorch {torch.__version__}, {torch.get_num_threads()} threads.")
              .Table(["check", "result"],
              [
                  ["autograd of sum((Ax)^2) equals 2 A^T A x", ok ? "passed" : "FAILED"],
                  ["2048 x 2048 matmul, fp32", $"{fp32:F0} GFLOP/s"],
                  ["2048 x 2048 matmul, bf16", $"{bf16:F0} GFLOP/s"],
              ]);
        if (!ok) throw new InvalidOperationException("libtorch returned a wrong gradient: the native library is broken.");
    }
}
