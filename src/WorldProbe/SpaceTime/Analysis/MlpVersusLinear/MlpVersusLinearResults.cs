namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What <c>space probe --experiment mlp</c> writes as mlp.json.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="TrainRowsUsed">Training rows both probes were fitted on (an even subset when limited).</param>
/// <param name="TrainRows">Training rows of the split.</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="BootstrapResamples">Resamples of every interval.</param>
/// <param name="Layers">Per-layer results.</param>
public sealed record MlpVersusLinearResults(string Model, string Dataset, string Prompt, string Kind, int TrainRowsUsed, int TrainRows, int TestRows,
    int BootstrapResamples, IReadOnlyList<MlpVersusLinearLayer> Layers)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "mlp.json";
}
