using System.Globalization;
using WorldProbe.Reports;
using WorldProbe.Reports.Charts;
using WorldProbe.Reports.Geo;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Charts and report sections for probe results: R² against layer (with the shuffled-target
/// control), the best layer's test predictions on a map (places) or against the truth (years), and a
/// summary table.
/// </summary>
public static class SpaceProbeReport
{
    /// <summary>The summary table's header.</summary>
    public static IReadOnlyList<string> SummaryHeader { get; } =
        ["model", "dataset", "prompt", "best layer", "test R² [95% CI]", "Spearman [95% CI]", "proximity error [95% CI]", "control R²", "train / test"];

    /// <summary>One summary row of <paramref name="results"/> (its best layer).</summary>
    public static IReadOnlyList<string> SummaryRow(SpaceProbeResults results)
    {
        var best = results.Best;
        return [results.Model, results.Dataset, results.Prompt, best.Layer.ToString(CultureInfo.InvariantCulture),
            best.RSquared.Format(), best.Spearman.Format(), best.ProximityError.Format(),
            best.ControlRSquared.ToString("F3", CultureInfo.InvariantCulture), $"{results.TrainRows} / {results.TestRows}"];
    }

    /// <summary>
    /// Draws the charts of <paramref name="results"/> into <paramref name="folder"/> (names start with
    /// <paramref name="prefix"/>) and adds a section to <paramref name="report"/>, whose page lies in
    /// <paramref name="pageFolder"/> (image paths are written relative to it).
    /// </summary>
    public static void AddSection(HtmlReport report, SpaceProbeResults results, string folder, string pageFolder, string prefix)
    {
        Directory.CreateDirectory(folder);
        string Relative(string path) => Path.GetRelativePath(pageFolder, path).Replace('\\', '/');
        double[] x = results.Layers.Select(l => (double)l.Layer).ToArray();
        string curve = LayerCurveChart.Save(Path.Combine(folder, prefix + "r2_by_layer"),
            $"{results.Model}: {results.Dataset} / {results.Prompt}", "test R²",
            [
                new CurveSeries("ridge probe", x, results.Layers.Select(l => l.RSquared.Value).ToArray(),
                    results.Layers.Select(l => l.RSquared.Low).ToArray(), results.Layers.Select(l => l.RSquared.High).ToArray()),
                new CurveSeries("control (shuffled targets)", x, results.Layers.Select(l => l.ControlRSquared).ToArray(),
                    results.Layers.Select(l => l.ControlRSquared).ToArray(), results.Layers.Select(l => l.ControlRSquared).ToArray()),
            ]);
        string predictions = results.Kind == "place" ? DrawMap(results, folder, prefix) : PredictionScatterChart.Save(
            Path.Combine(folder, prefix + "years"), $"{results.Dataset}: layer {results.BestLayer} test predictions", "year",
            results.BestLayerPredictions.Select(p => p.Truth[0]).ToArray(), results.BestLayerPredictions.Select(p => p.Predicted[0]).ToArray());

        report.Heading($"{results.Model}: {results.Dataset} / {results.Prompt}", 3)
              .Paragraph($"{results.TrainRows} training and {results.TestRows} test rows; targets [{string.Join(", ", results.TargetNames)}]. " +
                         $"Best layer {results.BestLayer} (lowest training leave-one-out error, chosen without the test rows). " +
                         $"Intervals: 95% percentile bootstrap over test rows, {results.BootstrapResamples} resamples.")
              .Table(["layer", "alpha", "test R²", "R² per output", "Pearson", "Spearman", "MAE", results.Kind == "place" ? "km" : "-", "proximity error", "control R²", "control proximity"],
                  results.Layers.Select(l => (IReadOnlyList<string>)
                  [
                      l.Layer.ToString(CultureInfo.InvariantCulture) + (l.Layer == results.BestLayer ? " (best)" : ""),
                      l.Alpha.ToString("G3", CultureInfo.InvariantCulture) + (l.AlphaOnGridEdge ? " (grid edge)" : ""),
                      l.RSquared.Format(), string.Join(", ", l.RSquaredPerOutput.Select(v => v.ToString("F3", CultureInfo.InvariantCulture))),
                      l.Pearson.Format(), l.Spearman.Format(),
                      string.Join(", ", l.MeanAbsoluteError.Select(v => v.ToString("F2", CultureInfo.InvariantCulture))),
                      l.GreatCircleKm?.Format("F0") ?? "-", l.ProximityError.Format(),
                      l.ControlRSquared.ToString("F3", CultureInfo.InvariantCulture), l.ControlProximityError.ToString("F3", CultureInfo.InvariantCulture),
                  ]))
              .Image(Relative(curve), $"Test R² by layer, {results.Dataset}")
              .Image(Relative(predictions), results.Kind == "place"
                  ? $"Predicted positions of the test {results.Dataset} entities at layer {results.BestLayer}, coloured by {GroupName(results.Dataset)}"
                  : $"Predicted against true year at layer {results.BestLayer}");
    }

    /// <summary>What the map colours mean for <paramref name="dataset"/>.</summary>
    public static string GroupName(string dataset) => dataset switch
    {
        "world_place" => "continent (country column, else the outline holding the true position)",
        "us_place" => "state",
        "nyc_place" => "borough",
        _ => "entity type",
    };

    static string DrawMap(SpaceProbeResults results, string folder, string prefix)
    {
        var (outlines, limits) = results.Dataset switch
        {
            "us_place" => (MapLayers.UsStates(), ((double, double, double, double)?)(-128, -64, 22, 52)),
            "nyc_place" => (MapLayers.NycBoroughs(), null),
            _ => (MapLayers.WorldCountries(), ((double, double, double, double)?)(-180, 180, -60, 85)),
        };
        var points = results.BestLayerPredictions.Select(p => new GeoScatterMap.Point(p.Predicted[0], p.Predicted[1], p.Group)).ToArray();
        return GeoScatterMap.Save(Path.Combine(folder, prefix + "map"), $"{results.Model}: predicted {results.Dataset} (layer {results.BestLayer}, test)",
            outlines, points, limits: limits);
    }

    /// <summary>Writes one page for several results (all datasets and models): summary table, then a section each.</summary>
    public static string WritePage(IReadOnlyList<SpaceProbeResults> all, string folder, string title = "Space and time probes")
    {
        Directory.CreateDirectory(folder);
        var report = new HtmlReport(title);
        report.Paragraph("Linear (ridge) probes of the residual stream at each entity's last token; layer j = after j blocks (0 = embeddings).")
              .Table(SummaryHeader, all.Select(SummaryRow));
        foreach (var results in all)
            AddSection(report, results, Path.Combine(folder, "charts"), folder, $"{results.Model}_{results.Dataset}_{results.Prompt}_".Replace('/', '_'));
        string path = Path.Combine(folder, "report.html");
        report.Save(path);
        return path;
    }
}
