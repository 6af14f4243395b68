using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using static TorchSharp.torch;

namespace WorldProbe.Interventions;

/// <summary>
/// Li et al.'s intervention: gradient descent on the vector itself (Adam) on the probe's cross-entropy, weight 1 on
/// the square to flip (towards the target class) and <see cref="Beta"/> on the mean over the other 63 squares (towards
/// what the probe read before the edit). Stops after <see cref="Steps"/> steps, or earlier once every row's square
/// reads as its target with probability at least <see cref="StopProbability"/>.
/// </summary>
/// <param name="Beta">Weight of keeping the other squares.</param>
/// <param name="LearningRate">Adam learning rate (1e-3 in the paper).</param>
/// <param name="Steps">Most steps (about 1,000 in the paper).</param>
/// <param name="StopProbability">Early stop once every edited square reaches this probability of its target.</param>
public sealed record GradientEdit(double Beta, double LearningRate = 1e-3, int Steps = 1000, double StopProbability = 0.99) : IResidualEdit
{
    /// <inheritdoc />
    public string Description => $"gradient, beta {Beta}";

    /// <inheritdoc />
    public Tensor Edit(Tensor vectors, BoardProbe probe, long[] squares, long[] currents, long[] targets)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var rows = arange(squares.Length, device: vectors.device);
        var square = tensor(squares, device: vectors.device);
        var target = tensor(targets, device: vectors.device);
        Tensor before;
        using (no_grad()) before = probe.forward(vectors.detach()).argmax(-1);                   // [cases, 64]
        var others = ones(squares.Length, Square.Count, device: vectors.device);
        others.index_put_(tensor(0f, device: vectors.device), rows, square);
        var parameter = new TorchSharp.Modules.Parameter(vectors.detach().clone(), requires_grad: true);
        using var optimizer = optim.Adam([parameter], LearningRate);
        for (int step = 0; step < Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            var logits = probe.forward(parameter);                                                    // [cases, 64, classes]
            var perSquare = nn.functional.cross_entropy(logits.reshape(-1, probe.Classes), before.reshape(-1), reduction: nn.Reduction.None)
                .view(squares.Length, Square.Count);                                                 // [cases, 64]
            var flipLoss = nn.functional.cross_entropy(logits[rows, square], target, reduction: nn.Reduction.None); // [cases]
            var keepLoss = (perSquare * others).sum(1) / (Square.Count - 1);
            var loss = (flipLoss + Beta * keepLoss).sum();
            if (step % 10 == 0)
            {
                using var noGrad = no_grad();
                var probability = logits[rows, square].softmax(-1).gather(1, target.unsqueeze(1));
                if (probability.min().item<float>() >= StopProbability) break;
            }
            optimizer.zero_grad();
            loss.backward();
            optimizer.step();
        }
        return parameter.detach().clone().MoveToOuterDisposeScope();
    }
}
