using ScottPlot;

namespace WorldProbe.Reports.Charts;

/// <summary>Predicted against true values (for example years) with the identity line.</summary>
public static class PredictionScatterChart
{
    /// <summary>Draws the points and y = x and saves PNG + SVG; returns the PNG path.</summary>
    public static string Save(string basePath, string title, string axisLabel, IReadOnlyList<double> truth, IReadOnlyList<double> predicted)
    {
        var plot = new Plot();
        var markers = plot.Add.Markers(truth.ToArray(), predicted.ToArray(), MarkerShape.FilledCircle, 3, Colors.SteelBlue.WithAlpha(0.4));
        markers.LegendText = "test entities";
        double low = Math.Min(truth.Min(), predicted.Min()), high = Math.Max(truth.Max(), predicted.Max());
        var identity = plot.Add.Line(low, low, high, high);
        identity.Color = Colors.Black;
        identity.LinePattern = LinePattern.Dashed;
        identity.LegendText = "predicted = true";
        plot.Title(title);
        plot.XLabel($"true {axisLabel}");
        plot.YLabel($"predicted {axisLabel}");
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFile.Save(plot, basePath, 800, 700);
    }
}
