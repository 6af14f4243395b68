namespace WorldProbe.Probing.Metrics;

/// <summary>Settings of a percentile bootstrap.</summary>
/// <param name="Resamples">Number of resamples B.</param>
/// <param name="Confidence">Coverage of the interval (0.95: the 2.5th and 97.5th percentiles).</param>
/// <param name="Seed">Seed of the resampling; the same seed gives the same interval.</param>
public sealed record BootstrapOptions(int Resamples = 1000, double Confidence = 0.95, long Seed = 0);
