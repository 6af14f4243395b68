using ScottPlot;
using WorldProbe.Runs;

namespace WorldProbe.Reports.Charts;

/// <summary>Saves a ScottPlot figure as PNG and SVG side by side, each atomically.</summary>
public static class ChartFile
{
    /// <summary>Writes <paramref name="basePath"/>.png and .svg; returns the PNG's path.</summary>
    public static string Save(Plot plot, string basePath, int width = 900, int height = 560)
    {
        string png = basePath + ".png";
        AtomicFile.WriteAllBytes(png, plot.GetImageBytes(width, height, ImageFormat.Png));
        AtomicFile.WriteAllText(basePath + ".svg", plot.GetSvgXml(width, height));
        return png;
    }
}
