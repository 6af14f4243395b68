using ScottPlot;

namespace WorldProbe.Reports.Charts;

/// <summary>
/// A score against layer (layer j = residual stream after j blocks, 0 = embeddings) for several
/// series, each with a shaded 95% confidence band: probe accuracy, R², error rates.
/// </summary>
public static class LayerCurveChart
{
    /// <summary>Draws the series and saves PNG + SVG at <paramref name="basePath"/>; returns the PNG path.</summary>
    /// <param name="basePath">Path without extension.</param>
    /// <param name="title">Chart title.</param>
    /// <param name="yLabel">Y axis label.</param>
    /// <param name="series">The lines.</param>
    /// <param name="xLabel">X axis label.</param>
    /// <param name="legendAt">Where the legend sits (lower right by default: scores rising with layer leave it free).</param>
    /// <param name="yLimits">Fixed y range (values outside it are cut off, e.g. a very negative R²); null = fit the data.</param>
    public static string Save(string basePath, string title, string yLabel, IReadOnlyList<CurveSeries> series, string xLabel = "layer (residual stream after j blocks)",
        Alignment legendAt = Alignment.LowerRight, (double Min, double Max)? yLimits = null)
    {
        var plot = new Plot();
        var palette = new ScottPlot.Palettes.Category10();
        for (int s = 0; s < series.Count; s++)
        {
            var line = series[s];
            var color = palette.GetColor(s);
            if (!line.Low.SequenceEqual(line.High))
            {
                var band = plot.Add.FillY(line.X, line.Low, line.High);
                band.FillStyle.Color = color.WithAlpha(0.2);
                band.LineStyle.Width = 0;
            }
            var scatter = plot.Add.Scatter(line.X, line.Value, color);
            scatter.LegendText = line.Label;
            scatter.LineWidth = 2;
            scatter.MarkerSize = 6;
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        double maxX = series.SelectMany(s => s.X).DefaultIfEmpty(0).Max();
        if (maxX <= 40)
            plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        if (yLimits is { } limits) plot.Axes.SetLimitsY(limits.Min, limits.Max);
        plot.ShowLegend(legendAt);
        return ChartFile.Save(plot, basePath);
    }
}
