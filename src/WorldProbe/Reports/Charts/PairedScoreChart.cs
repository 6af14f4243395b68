using ScottPlot;

namespace WorldProbe.Reports.Charts;

/// <summary>
/// One score of several items under two conditions (x: the reference, y: the other), one labelled
/// point each, with the identity line: points above it did worse under the second condition when the
/// score is an error.
/// </summary>
public static class PairedScoreChart
{
    /// <summary>Draws the points and y = x and saves PNG + SVG; returns the PNG path. At most <paramref name="maxLabels"/> points (the first ones) get a label.</summary>
    public static string Save(string basePath, string title, string xLabel, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<double> x, IReadOnlyList<double> y, int maxLabels = 15)
    {
        var plot = new Plot();
        var markers = plot.Add.Markers(x.ToArray(), y.ToArray(), MarkerShape.FilledCircle, 6, Colors.SteelBlue.WithAlpha(0.7));
        markers.LegendText = "groups";
        for (int i = 0; i < Math.Min(maxLabels, labels.Count); i++)
        {
            var text = plot.Add.Text(labels[i], x[i], y[i]);
            text.LabelFontSize = 10;
        }
        double low = Math.Min(x.Min(), y.Min()), high = Math.Max(x.Max(), y.Max());
        var identity = plot.Add.Line(low, low, high, high);
        identity.Color = Colors.Black;
        identity.LinePattern = LinePattern.Dashed;
        identity.LegendText = "y = x";
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFile.Save(plot, basePath, 800, 700);
    }
}
