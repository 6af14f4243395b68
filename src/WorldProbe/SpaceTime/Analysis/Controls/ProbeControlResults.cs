namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What <c>space probe --experiment controls</c> writes as controls.json.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="Layer">The trained model's layer.</param>
/// <param name="TrainRows">Training rows.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="BootstrapResamples">Resamples of every interval.</param>
/// <param name="Rows">The controls table, trained model first.</param>
/// <param name="TrainedLayers">The trained model at every stored layer.</param>
/// <param name="RandomInitLayers">The random-init model at every stored layer (empty without --random-store).</param>
public sealed record ProbeControlResults(string Model, string Dataset, string Prompt, string Kind, int Layer, int TrainRows, int TestRows,
    int BootstrapResamples, IReadOnlyList<ProbeControlRow> Rows, IReadOnlyList<ProbeControlRow> TrainedLayers, IReadOnlyList<ProbeControlRow> RandomInitLayers)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "controls.json";
}
