using System.Text.Json;
using WorldProbe.Demo;
using WorldProbe.Reports;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using WorldProbe.Tests.MiniLM;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Per-layer probes on a real MiniLM store (the demo step on 600 world places), and the map's continent groups.</summary>
[Collection(MiniLmCollection.Name)]
public sealed class SpaceProbeTests(MiniLmFixture minilm) : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("worldprobe-space-probe-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void DemoStepProbesEveryLayerAndBeatsTheShuffledControl()
    {
        string folder = Path.Combine(root, "space");
        Directory.CreateDirectory(folder);
        var report = new HtmlReport("test");
        new SpaceProbeStep(minilm.CacheRoot, entities: 600).Run(folder, report, IProgressSink.Silent);

        var results = SpaceProbeResults.Read(folder);
        Assert.Equal(Enumerable.Range(0, 7), results.Layers.Select(l => l.Layer));
        Assert.Equal(600, results.TrainRows + results.TestRows);
        Assert.Equal(results.TestRows, results.BestLayerPredictions.Count);
        var best = results.Best;
        Assert.Equal(results.Layers.MinBy(l => l.TrainLeaveOneOutError)!.Layer, best.Layer);
        // A real signal: well above the control fitted on shuffled targets, and better than chance proximity (0.5).
        Assert.True(best.RSquared.Value > best.ControlRSquared + 0.05, $"R² {best.RSquared.Value} vs control {best.ControlRSquared}");
        Assert.True(best.ProximityError.High < 0.45, $"proximity {best.ProximityError.Format()}");
        Assert.True(best.ControlProximityError > 0.4, $"control proximity {best.ControlProximityError}");
        Assert.InRange(best.RSquared.Value, best.RSquared.Low, best.RSquared.High);
        Assert.NotNull(best.GreatCircleKm);

        // The JSON round-trips and the page shows the curve and the map.
        Assert.Equal(JsonSerializer.Serialize(results), JsonSerializer.Serialize(SpaceProbeResults.Read(Path.Combine(folder, SpaceProbeResults.FileName))));
        string html = report.Render();
        Assert.Contains("space/r2_by_layer.png", html);
        Assert.Contains("space/map.png", html);
        Assert.True(File.Exists(Path.Combine(folder, "map.png")));
    }

    [Fact]
    public void ContinentsFromTheCountryColumnOrTheOutline()
    {
        Entity Place(string country, double lat, double lon) =>
            new(1, "x", "world_place", lat, lon, null, false, new Dictionary<string, string> { [MetadataKeys.Country] = country });
        Assert.Equal("Europe", MapGroups.ContinentOf(Place("United_Kingdom", 0, 0)));        // by name, coordinates ignored
        Assert.Equal("South America", MapGroups.ContinentOf(Place("PopulatedPlace", -15.8, -47.9))); // Brasília, by outline
        Assert.Equal("Asia", MapGroups.ContinentOf(Place("Region", 35.7, 139.7)));           // Tokyo
        Assert.Equal("unmatched", MapGroups.ContinentOf(Place("Region", -40, -30)));        // South Atlantic
    }
}
