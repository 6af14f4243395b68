namespace WorldProbe.Reports.Charts;

/// <summary>
/// One line of a per-layer chart: a value per layer with its 95% confidence interval (both bounds
/// equal to the value when there is none).
/// </summary>
/// <param name="Label">Legend text.</param>
/// <param name="X">Layers (or any x values).</param>
/// <param name="Value">The estimate at each x.</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
public sealed record CurveSeries(string Label, double[] X, double[] Value, double[] Low, double[] High);
