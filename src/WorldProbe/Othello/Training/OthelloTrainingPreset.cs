using WorldProbe.Transformers;

namespace WorldProbe.Othello.Training;

/// <summary>
/// A named training set-up: the model's shape and the optimizer recipe of Li et al. (AdamW 5e-4,
/// betas 0.9/0.95, weight decay 0.1 on weight matrices only, gradient clip 1.0, warm-up then cosine to
/// 0.1x), with a batch size and run length that fit the machine.
/// </summary>
/// <param name="Name">paper, small or tiny.</param>
/// <param name="Model">The model's shape.</param>
/// <param name="BatchGames">Games per step (each game gives 59 positions).</param>
/// <param name="DefaultSteps">Steps of a run when --steps is not given.</param>
/// <param name="LearningRate">Peak learning rate.</param>
/// <param name="WarmupFraction">Warm-up steps as a fraction of the run.</param>
public sealed record OthelloTrainingPreset(string Name, OthelloGptConfig Model, int BatchGames, long DefaultSteps,
    double LearningRate = 5e-4, double WarmupFraction = 0.02)
{
    /// <summary>AdamW betas.</summary>
    public (double Beta1, double Beta2) Betas { get; init; } = (0.9, 0.95);
    /// <summary>Weight decay on weight matrices (not biases, norms or embeddings).</summary>
    public double WeightDecay { get; init; } = 0.1;
    /// <summary>Gradient norm clip.</summary>
    public double GradientClip { get; init; } = 1.0;

    /// <summary>The paper's model: 8 layers, 8 heads, d_model 512, MLP 2048 (25.3M parameters); 64 games per step.</summary>
    public static OthelloTrainingPreset Paper { get; } = new("paper", new OthelloGptConfig(8, 8, 512, 2048), 64, 200_000);

    /// <summary>
    /// The model that reaches the lowest error within about 8 CPU-hours here: 6 layers, 8 heads, d_model 256,
    /// MLP 1024 (4.8M parameters), 64 games per step, 17,000 steps (64M target tokens). See docs/othello-gpt.md
    /// for the measurement behind the choice.
    /// </summary>
    public static OthelloTrainingPreset Small { get; } = new("small", new OthelloGptConfig(6, 8, 256, 1024), 64, 17_000);

    /// <summary>For tests: 2 layers, d_model 64; 16 games per step.</summary>
    public static OthelloTrainingPreset Tiny { get; } = new("tiny", new OthelloGptConfig(2, 4, 64, 256, Dropout: 0.0), 16, 200, LearningRate: 3e-3);

    /// <summary>All presets by name.</summary>
    public static IReadOnlyList<OthelloTrainingPreset> All { get; } = [Paper, Small, Tiny];

    /// <summary>The preset called <paramref name="name"/>.</summary>
    public static OthelloTrainingPreset Named(string name) =>
        All.FirstOrDefault(p => p.Name == name.ToLowerInvariant())
        ?? throw new WorldProbeException($"--preset {name}: unknown; use {string.Join(", ", All.Select(p => p.Name))}.");
}
