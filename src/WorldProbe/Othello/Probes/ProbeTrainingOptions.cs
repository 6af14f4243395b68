namespace WorldProbe.Othello.Probes;

/// <summary>How probes are trained (Li et al.: Adam lr 1e-3, batch 1024, 16 epochs; here AdamW with early stopping).</summary>
/// <param name="LearningRate">AdamW learning rate.</param>
/// <param name="WeightDecay">AdamW weight decay.</param>
/// <param name="BatchSize">Rows per step.</param>
/// <param name="MaxEpochs">Upper bound on passes over the training rows.</param>
/// <param name="Patience">Epochs without a better validation loss before stopping (the best epoch's weights are kept).</param>
/// <param name="ValidationFraction">Share of games used for early stopping.</param>
/// <param name="TestFraction">Share of games used only for the reported accuracy.</param>
/// <param name="Seed">Split, initialisation and batch order.</param>
public sealed record ProbeTrainingOptions(
    double LearningRate = 1e-3,
    double WeightDecay = 0.01,
    int BatchSize = 1024,
    int MaxEpochs = 16,
    int Patience = 2,
    double ValidationFraction = 0.1,
    double TestFraction = 0.2,
    long Seed = 0);
