using System.Xml.Linq;
using WorldProbe.Reports.Charts;
using WorldProbe.Reports.Geo;

namespace WorldProbe.Tests.Reports;

public class MapAndChartTests
{
    static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0d, 0x0a, 0x1a, 0x0a];

    static (double LonMin, double LonMax, double LatMin, double LatMax) Bounds(GeoShape shape) =>
    (
        shape.Rings.SelectMany(r => r).Min(p => p.Lon), shape.Rings.SelectMany(r => r).Max(p => p.Lon),
        shape.Rings.SelectMany(r => r).Min(p => p.Lat), shape.Rings.SelectMany(r => r).Max(p => p.Lat)
    );

    [Fact]
    public void NaturalEarthCountriesReadWithLonLatOrder()
    {
        var countries = MapLayers.WorldCountries();
        Assert.Equal(177, countries.Count);
        var colorado = MapLayers.UsStates().Single(s => s.Name == "Colorado");
        // Colorado's borders are lines of longitude -109.05 / -102.04 and latitude 36.99 / 41.00.
        var (lonMin, lonMax, latMin, latMax) = Bounds(colorado);
        Assert.InRange(lonMin, -109.07, -109.03);
        Assert.InRange(lonMax, -102.06, -102.03);
        Assert.InRange(latMin, 36.98, 37.0);
        Assert.InRange(latMax, 40.99, 41.01);
        var australia = Bounds(countries.Single(c => c.Name == "Australia"));
        Assert.True(australia.LonMin > 110 && australia.LatMax < -10, "Australia lies east of 110E and south of 10S");
        Assert.Equal("Oceania", countries.Single(c => c.Name == "Australia").Properties["CONTINENT"]);
    }

    [Fact]
    public void UsStatesAndNycBoroughsAreComplete()
    {
        var states = MapLayers.UsStates();
        Assert.Equal(52, states.Count); // 50 states, the District of Columbia and Puerto Rico
        Assert.Contains(states, s => s.Name == "District of Columbia");
        var boroughs = MapLayers.NycBoroughs().Select(b => b.Name).Order();
        Assert.Equal(["Bronx", "Brooklyn", "Manhattan", "Queens", "Staten Island"], boroughs);
    }

    [Fact]
    public void TruncatedShapefileIsReportedWithItsPlace()
    {
        string directory = Directory.CreateTempSubdirectory("wp-shp-").FullName;
        string source = Path.Combine(WorldProbe.Runs.RepositoryRoot.Find(), "data/maps/us_states/cb_2018_us_state_20m.shp");
        string broken = Path.Combine(directory, "states.shp");
        File.WriteAllBytes(broken, File.ReadAllBytes(source)[..5000]);
        var error = Assert.Throws<WorldProbeException>(() => ShapefileReader.Read(broken, "NAME"));
        Assert.Contains("states.shp", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void ChartsWriteValidPngAndSvg()
    {
        string directory = Directory.CreateTempSubdirectory("wp-chart-").FullName;
        double[] layers = [0, 1, 2, 3];
        string curve = LayerCurveChart.Save(Path.Combine(directory, "curve"), "accuracy", "accuracy",
            [new CurveSeries("linear", layers, [0.5, 0.7, 0.9, 0.95], [0.45, 0.66, 0.88, 0.94], [0.55, 0.74, 0.92, 0.96])]);
        string board = BoardHeatMap.Save(Path.Combine(directory, "board"), "per-square accuracy",
            Enumerable.Range(0, 64).Select(i => i / 63.0).ToArray(), 0, 1, marked: [19]);
        string map = GeoScatterMap.Save(Path.Combine(directory, "map"), "world", MapLayers.WorldCountries(),
            [new(2.35, 48.86, "Europe"), new(-74.0, 40.7, "North America")]);
        string scatter = PredictionScatterChart.Save(Path.Combine(directory, "years"), "years", "year", [1900, 1950, 2000], [1910, 1940, 1990]);
        foreach (string png in new[] { curve, board, map, scatter })
        {
            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal(PngSignature, bytes[..8]);
            Assert.True(bytes.Length > 5000, $"{png} is suspiciously small");
            var svg = XDocument.Load(Path.ChangeExtension(png, ".svg"));
            Assert.Equal("svg", svg.Root!.Name.LocalName);
        }
        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
    }
}
