namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What <c>space probe --experiment pca</c> writes as pca.json.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="Prompt">Prompt name.</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="Layer">The layer probed.</param>
/// <param name="DModel">Width of the residual stream.</param>
/// <param name="TrainRows">Training rows (the components come from these only).</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="BootstrapResamples">Resamples of every interval.</param>
/// <param name="Rows">One row per k, ascending; the last is the full rank.</param>
public sealed record PrincipalComponentResults(string Model, string Dataset, string Prompt, string Kind, int Layer, int DModel, int TrainRows, int TestRows,
    int BootstrapResamples, IReadOnlyList<PrincipalComponentRow> Rows)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "pca.json";
}
