using WorldProbe.Othello.Probes;
using static TorchSharp.torch;

namespace WorldProbe.Interventions;

/// <summary>
/// Nanda et al.'s linear intervention: add alpha times the unit vector from the current class's probe direction to the
/// target class's, u = (w[s, target] - w[s, current]) / |...|. With a linear probe the logit margin target - current
/// rises by exactly alpha |w[s, target] - w[s, current]|. A zero direction (a square the probe ignores) leaves the vector unchanged.
/// </summary>
/// <param name="Alpha">Step length in residual-stream units.</param>
public sealed record ProbeDirectionEdit(double Alpha) : IResidualEdit
{
    /// <inheritdoc />
    public string Description => $"probe direction, alpha {Alpha}";

    /// <inheritdoc />
    public Tensor Edit(Tensor vectors, BoardProbe probe, long[] squares, long[] currents, long[] targets)
    {
        using var scope = NewDisposeScope();
        var weight = probe.LinearWeight.detach().to(vectors.dtype).to(vectors.device);          // [64, classes, d_model]
        var square = tensor(squares, device: vectors.device);
        var towards = weight[square, tensor(targets, device: vectors.device)];                    // [cases, d_model]
        var away = weight[square, tensor(currents, device: vectors.device)];                      // [cases, d_model]
        var direction = towards - away;
        var norm = direction.norm(1, keepdim: true);
        var unit = where(norm.gt(0), direction / norm.clamp_min(1e-30), zeros_like(direction));
        return (vectors + Alpha * unit).MoveToOuterDisposeScope();
    }
}
