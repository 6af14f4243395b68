using WorldProbe.Probing;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>How <see cref="SpaceProbe"/> fits and scores.</summary>
/// <param name="BootstrapResamples">Resamples of every 95% interval.</param>
/// <param name="Seed">Seed of the bootstrap and of the control's shuffle.</param>
/// <param name="DataRoot">Dataset folder; null = the vendored data/spacetime.</param>
/// <param name="Ridge">Ridge settings (alpha grid...); null = defaults.</param>
public sealed record SpaceProbeOptions(int BootstrapResamples = 1000, long Seed = 0, string? DataRoot = null, RidgeOptions? Ridge = null);
