using ScottPlot;
using WorldProbe.Reports.Geo;

namespace WorldProbe.Reports.Charts;

/// <summary>
/// Predicted places drawn over map outlines (equirectangular: x = longitude, y = latitude), coloured
/// by a group such as continent, country, state or borough.
/// </summary>
public static class GeoScatterMap
{
    /// <summary>A point to draw and the group that picks its colour.</summary>
    /// <param name="Lon">Longitude in degrees.</param>
    /// <param name="Lat">Latitude in degrees.</param>
    /// <param name="Group">Colour group; the most frequent groups get their own colour and legend entry.</param>
    public readonly record struct Point(double Lon, double Lat, string Group);

    /// <summary>Draws <paramref name="points"/> over <paramref name="outlines"/> and saves PNG + SVG.</summary>
    /// <param name="basePath">Output path without extension.</param>
    /// <param name="title">Figure title.</param>
    /// <param name="outlines">Background shapes.</param>
    /// <param name="points">Predicted positions.</param>
    /// <param name="maxGroups">Groups beyond this many (by size) are drawn grey as "other".</param>
    /// <param name="limits">Map window (lon min, lon max, lat min, lat max); null = fit the outlines.</param>
    public static string Save(string basePath, string title, IReadOnlyList<GeoShape> outlines, IReadOnlyList<Point> points,
                              int maxGroups = 10, (double LonMin, double LonMax, double LatMin, double LatMax)? limits = null)
    {
        var plot = new Plot();
        foreach (var shape in outlines)
            foreach (var ring in shape.Rings)
            {
                var polygon = plot.Add.Polygon(ring.Select(p => new Coordinates(p.Lon, p.Lat)).ToArray());
                polygon.FillStyle.Color = Color.FromHex("#f0f0f0");
                polygon.LineStyle.Color = Color.FromHex("#9a9a9a");
                polygon.LineStyle.Width = 0.6f;
            }
        var palette = new ScottPlot.Palettes.Category10();
        var groups = points.GroupBy(p => p.Group).OrderByDescending(g => g.Count()).ToList();
        var other = groups.Skip(maxGroups).SelectMany(g => g).ToList();
        if (other.Count > 0) AddPoints(plot, other, Colors.Gray.WithAlpha(0.5), "other");
        for (int g = 0; g < Math.Min(maxGroups, groups.Count); g++)
            AddPoints(plot, groups[g].ToList(), palette.GetColor(g).WithAlpha(0.7), groups[g].Key);
        if (limits is { } l) plot.Axes.SetLimits(l.LonMin, l.LonMax, l.LatMin, l.LatMax);
        plot.Axes.SquareUnits();
        plot.Title(title);
        plot.XLabel("longitude");
        plot.YLabel("latitude");
        plot.ShowLegend(Alignment.LowerLeft);
        return ChartFile.Save(plot, basePath, 1200, 700);
    }

    static void AddPoints(Plot plot, IReadOnlyList<Point> points, Color color, string label)
    {
        var markers = plot.Add.Markers(points.Select(p => p.Lon).ToArray(), points.Select(p => p.Lat).ToArray(), MarkerShape.FilledCircle, 3, color);
        markers.LegendText = label;
    }
}
