using ScottPlot;

namespace WorldProbe.Reports.Charts;

/// <summary>One quantity against another, one point per row (for example a neuron's activation against a target), without an identity line.</summary>
public static class ValueScatterChart
{
    /// <summary>Draws the points and saves PNG + SVG; returns the PNG path.</summary>
    public static string Save(string basePath, string title, string xLabel, string yLabel, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var plot = new Plot();
        plot.Add.Markers(x.ToArray(), y.ToArray(), MarkerShape.FilledCircle, 3, Colors.SteelBlue.WithAlpha(0.4));
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return ChartFile.Save(plot, basePath, 800, 600);
    }
}
