namespace WorldProbe.Probing;

/// <summary>
/// The ridge penalties tried by leave-one-out cross-validation. The default is wide (10^-2..10^8,
/// 41 values, 4 per decade) because the original space/time grid (10^0.8..10^4.5) was too narrow:
/// its best alpha sat on the top edge for most layers.
/// </summary>
public static class AlphaGrid
{
    /// <summary><paramref name="count"/> values spaced evenly in log10 from 10^<paramref name="lowExponent"/> to 10^<paramref name="highExponent"/>, inclusive.</summary>
    public static double[] Log(double lowExponent, double highExponent, int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), "an alpha grid needs at least one value");
        if (count == 1) return [Math.Pow(10, lowExponent)];
        return Enumerable.Range(0, count)
            .Select(i => Math.Pow(10, lowExponent + (highExponent - lowExponent) * i / (count - 1)))
            .ToArray();
    }

    /// <summary>The default grid: 10^-2..10^8, 41 values.</summary>
    public static double[] Default => Log(-2, 8, 41);

    /// <summary>The original space/time grid (numpy.logspace(0.8, 4.5, 12)), kept for comparisons.</summary>
    public static double[] GurneeTegmark => Log(0.8, 4.5, 12);

    /// <summary>Checks that every alpha is finite and positive and the grid is strictly increasing.</summary>
    public static void Validate(IReadOnlyList<double> alphas)
    {
        if (alphas.Count == 0) throw new WorldProbeException("ridge alpha grid is empty: give at least one alpha.");
        for (int i = 0; i < alphas.Count; i++)
        {
            if (!double.IsFinite(alphas[i]) || alphas[i] <= 0)
                throw new WorldProbeException($"ridge alpha grid, value {i} ({alphas[i]}): every alpha must be finite and > 0.");
            if (i > 0 && alphas[i] <= alphas[i - 1])
                throw new WorldProbeException($"ridge alpha grid, value {i} ({alphas[i]}): alphas must be strictly increasing.");
        }
    }
}
