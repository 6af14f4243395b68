using TorchSharp.Modules;
using static TorchSharp.torch;
using Transformer = WorldProbe.Transformers.Transformer;

namespace WorldProbe.Othello.Training;

/// <summary>
/// Mixed precision by hand: a bfloat16 copy of a float32 model runs the forward and backward passes
/// (this CPU multiplies bf16 about 2.8x faster), while the optimizer keeps and updates the float32
/// master weights. Each step: pull the master weights into the copy, run it, push its gradients back
/// as float32.
/// </summary>
public sealed class BFloat16Shadow : IDisposable
{
    readonly List<(Parameter Master, Parameter Work)> pairs;

    /// <summary>The bfloat16 model that computes.</summary>
    public Transformer Model { get; }

    /// <summary>Creates the copy of <paramref name="master"/>.</summary>
    public BFloat16Shadow(Transformer master)
    {
        Model = new Transformer(master.Config, master.Device, ScalarType.BFloat16);
        var work = Model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        pairs = master.named_parameters().Select(p => (p.parameter, work[p.name])).ToList();
        Model.train();
    }

    /// <summary>Copies the master weights into the bfloat16 model (rounding once).</summary>
    public void PullWeights()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        foreach (var (master, work) in pairs) work.copy_(master);
    }

    /// <summary>Sets each master weight's gradient to the bfloat16 model's, in float32, and clears the copy's.</summary>
    public void PushGradients()
    {
        foreach (var (master, work) in pairs)
        {
            if (work.grad is null) continue;
            using (no_grad())
            {
                // Reuse the master's gradient tensor: the optimizer's zero_grad keeps it allocated.
                if (master.grad is null) master.grad = work.grad.to(ScalarType.Float32).DetachFromDisposeScope();
                else master.grad.copy_(work.grad);
            }
            work.grad.zero_();
        }
    }

    /// <summary>Releases the copy.</summary>
    public void Dispose() => Model.Dispose();
}
