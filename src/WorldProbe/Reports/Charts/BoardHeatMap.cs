using ScottPlot;

namespace WorldProbe.Reports.Charts;

/// <summary>
/// An 8 x 8 Othello board coloured by one value per square (probe accuracy, saliency), in standard
/// notation: columns a-h left to right, rows 1-8 top to bottom (a1 top-left), each square labelled
/// with its value. Squares can be outlined to mark a move.
/// </summary>
public static class BoardHeatMap
{
    /// <summary>Draws <paramref name="values"/> (index = row * 8 + column, a1 = 0, h8 = 63) and saves PNG + SVG.</summary>
    /// <param name="basePath">Output path without extension.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="values">64 values; NaN leaves a square grey.</param>
    /// <param name="minimum">Value mapped to the colormap's start.</param>
    /// <param name="maximum">Value mapped to the colormap's end.</param>
    /// <param name="format">Number format of the labels.</param>
    /// <param name="marked">Squares to outline (for example the predicted move).</param>
    public static string Save(string basePath, string title, IReadOnlyList<double> values, double minimum, double maximum,
                              string format = "F2", IReadOnlyCollection<int>? marked = null)
    {
        if (values.Count != 64) throw new ArgumentException("a board has 64 squares", nameof(values));
        var plot = new Plot();
        var colormap = new ScottPlot.Colormaps.Viridis();
        double span = Math.Max(maximum - minimum, 1e-12);
        for (int square = 0; square < 64; square++)
        {
            int row = square / 8, column = square % 8;
            double value = values[square];
            // y grows upwards in the plot, so row 1 sits at the top: y = 7 - row.
            var cell = plot.Add.Rectangle(column, column + 1, 7 - row, 8 - row);
            cell.FillStyle.Color = double.IsNaN(value) ? Colors.LightGray : colormap.GetColor(Math.Clamp((value - minimum) / span, 0, 1));
            cell.LineStyle.Color = Colors.White;
            cell.LineStyle.Width = 1;
            if (!double.IsNaN(value))
            {
                double brightness = Math.Clamp((value - minimum) / span, 0, 1);
                var label = plot.Add.Text(value.ToString(format, System.Globalization.CultureInfo.InvariantCulture), column + 0.5, 7.5 - row);
                label.LabelFontColor = brightness > 0.6 ? Colors.Black : Colors.White;
                label.LabelAlignment = Alignment.MiddleCenter;
                label.LabelFontSize = 13;
            }
        }
        foreach (int square in marked ?? [])
        {
            int row = square / 8, column = square % 8;
            var outline = plot.Add.Rectangle(column + 0.04, column + 0.96, 7.04 - row, 7.96 - row);
            outline.FillStyle.Color = Colors.Transparent;
            outline.LineStyle.Color = Colors.Red;
            outline.LineStyle.Width = 3;
        }
        double[] centres = Enumerable.Range(0, 8).Select(i => i + 0.5).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(centres, ["a", "b", "c", "d", "e", "f", "g", "h"]);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(centres, ["8", "7", "6", "5", "4", "3", "2", "1"]);
        plot.Axes.SetLimits(0, 8, 0, 8);
        plot.Axes.SquareUnits();
        plot.HideGrid();
        plot.Title(title);
        return ChartFile.Save(plot, basePath, 560, 580);
    }
}
