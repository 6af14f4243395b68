using WorldProbe.Activations;

namespace WorldProbe.SpaceTime.Extraction;

/// <summary>What an extraction did and how long it took.</summary>
/// <param name="Manifest">The store's manifest after the run.</param>
/// <param name="Rows">Rows this run computed (resumed chunks excluded).</param>
/// <param name="RealTokens">Non-padding tokens of those rows.</param>
/// <param name="PaddedTokens">Positions run, padding included.</param>
/// <param name="Seconds">Wall time of the extraction (forward passes, gathering, files), without model loading.</param>
public sealed record SpaceExtractionResult(ActivationStoreManifest Manifest, int Rows, long RealTokens, long PaddedTokens, double Seconds)
{
    /// <summary>Rows per second.</summary>
    public double RowsPerSecond => Rows / Math.Max(Seconds, 1e-9);
}
