using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Broken files: a missing column is an error naming file, column and fix; a bad row is skipped and reported.</summary>
public sealed class BadInputTests : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("worldprobe-spacetime-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    string Write(string relative, string content)
    {
        string path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    const string WorldHeader = "name,entity_subtype,country,latitude,longitude,has_thumbnail,page_views,entity_type,total_area,population,is_test\n";

    [Fact]
    public void MissingColumnNamesFileColumnAndFix()
    {
        string path = Write("world-models/world_place.csv",
            "name,entity_subtype,country,lat,longitude,has_thumbnail,page_views,entity_type,total_area,population,is_test\n" +
            "Ford Rotunda,AmusementParkAttraction,United_States,42.3121,-83.1767,1,40773.0,structure,,,False\n");
        var error = Assert.Throws<WorldProbeException>(() => SpaceTimeDatasets.Load("world_place", root));
        Assert.Contains(path, error.Message);
        Assert.Contains("'latitude'", error.Message);
        Assert.Contains("git checkout -- data/spacetime", error.Message);
    }

    [Fact]
    public void BadRowsAreSkippedWithRowNumberAndReason()
    {
        Write("world-models/world_place.csv", WorldHeader +
            "Ford Rotunda,AmusementParkAttraction,United_States,42.3121,-83.1767,1,40773.0,structure,,,False\n" +
            "Nowhere,Monument,Brazil,north,-47.8603,1,7521.0,structure,,,False\n" +
            "Sembuwatta Lake,AmusementParkAttraction,Sri_Lanka,,80.6997,1,16340.0,structure,,,True\n" +
            "Too Far,Monument,Brazil,95.0,-47.8603,1,7521.0,structure,,,False\n" +
            "Short,Monument\n" +
            "Undecided,Monument,Brazil,-15.8,-47.8,1,7521.0,structure,,,maybe\n" +
            "Copenhagen Opera House,Theatre,Denmark,55.6819,12.6008,1,9000.0,structure,,,True\n");
        var dataset = SpaceTimeDatasets.Load("world_place", root);
        Assert.Equal([1, 7], dataset.Entities.Select(e => e.Id));
        Assert.Equal(
            [
                new SkippedRow(2, "latitude is not a number", "latitude 'north', longitude '-47.8603'"),
                new SkippedRow(3, "missing latitude", "latitude '', longitude '80.6997'"),
                new SkippedRow(4, "latitude outside [-90, 90]", "latitude '95.0', longitude '-47.8603'"),
                new SkippedRow(5, "wrong number of fields", "2 fields, header has 11"),
                new SkippedRow(6, "is_test is not True/False", "maybe"),
            ],
            dataset.Report.Skipped);
        Assert.Equal(7, dataset.Report.RowsRead);
        Assert.True(dataset.Entities[1].IsTest);
    }

    [Fact]
    public void MissingFileSaysWhereTheDataLives()
    {
        var error = Assert.Throws<WorldProbeException>(() => SpaceTimeDatasets.Load("art", root));
        Assert.Contains("art.csv", error.Message);
        Assert.Contains("data/spacetime", error.Message);
    }

    [Fact]
    public void EmptyFileIsAnError()
    {
        Write("headlines/abcnews-sample/abcnews_sample.csv", "");
        var error = Assert.Throws<WorldProbeException>(() => SpaceTimeDatasets.Load("headlines_abc", root));
        Assert.Contains("empty", error.Message);
        Assert.Contains("publish_date", error.Message);
    }

    [Fact]
    public void BadDatesAreSkipped()
    {
        Write("headlines/abcnews-sample/abcnews_sample.csv",
            "publish_date,headline_text\n20050627,lawyer claims aust govt has abandoned corby\n2005-06-27,wrong date format\n19991231,too early\n");
        var dataset = SpaceTimeDatasets.Load("headlines_abc", root);
        Assert.Single(dataset.Entities);
        Assert.Equal(2005 + 177.0 / 365, dataset.Entities[0].Year!.Value, 12);
        Assert.Equal(["publish_date is not yyyyMMdd", "date before 2003-01-01 (outside the source's range)"], dataset.Report.Skipped.Select(s => s.Reason));
    }

    [Fact]
    public void UnknownDatasetListsTheKnownOnes()
    {
        var error = Assert.Throws<WorldProbeException>(() => SpaceTimeDatasets.Load("historical_figure"));
        Assert.Contains("historical_figure", error.Message);
        foreach (string name in SpaceTimeDatasets.Names) Assert.Contains(name, error.Message);
    }
}
