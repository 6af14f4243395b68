namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What <c>space probe --experiment neurons</c> writes as neurons.json.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="Layer">The probed layer (layer j = after j blocks) whose probe gives the directions.</param>
/// <param name="Blocks">Blocks whose neurons were measured.</param>
/// <param name="NeuronsPerBlock">d_mlp.</param>
/// <param name="Entities">Entities the model was run over (train + test).</param>
/// <param name="TrainRows">Of those, training rows.</param>
/// <param name="TestRows">Of those, test rows.</param>
/// <param name="ProbeTestRSquared">The layer's probe (fitted on all the store's training rows) on these test rows, for scale.</param>
/// <param name="ResidualRelativeDifference">‖recomputed − stored‖ / ‖stored‖ of layer <paramref name="Layer"/> over these rows: the model run here reproduces the store.</param>
/// <param name="RandomCosineScale">1/√d_model, the typical |cosine| of unrelated directions.</param>
/// <param name="BootstrapResamples">Resamples of every interval.</param>
/// <param name="Targets">Per target, its top neurons.</param>
public sealed record SpaceNeuronResults(string Model, string Dataset, string Prompt, string Kind, int Layer, IReadOnlyList<int> Blocks, int NeuronsPerBlock,
    int Entities, int TrainRows, int TestRows, ScoreWithInterval ProbeTestRSquared, double ResidualRelativeDifference, double RandomCosineScale,
    int BootstrapResamples, IReadOnlyList<TargetNeurons> Targets)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "neurons.json";
}
