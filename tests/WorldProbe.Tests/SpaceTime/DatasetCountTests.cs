using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Row and test counts against the sources' own inventories (INVENTORY.md and each SOURCE.md).</summary>
public class DatasetCountTests
{
    [Theory]
    [InlineData("world_place", 39_585, 7_917)]
    [InlineData("us_place", 29_997, 5_999)]
    [InlineData("nyc_place", 19_838, 3_967)]
    [InlineData("art", 31_321, 6_437)]
    public void WorldModelsDatasetsKeepEveryRowAndTheOriginalSplit(string name, int rows, int test)
    {
        var dataset = LoadedDatasets.Get(name);
        Assert.Equal(rows, dataset.Report.RowsRead);
        Assert.Equal(rows, dataset.Entities.Count);
        Assert.Equal(test, dataset.TestCount);
        Assert.Empty(dataset.Report.Skipped);
    }

    [Fact]
    public void PantheonReadsAllOfItsPeople()
    {
        // SOURCE.md: 11,341 people.
        Assert.Equal(11_341, LoadedDatasets.Get("pantheon").Report.RowsRead);
    }

    [Fact]
    public void NytGeneralDropsThePaidDeathNoticesAndNonArticles()
    {
        // SOURCE.md: 10,998 rows, 1991-2020, "about 530" Paid Notice: Deaths rows to filter.
        var dataset = LoadedDatasets.Get("headlines_nyt");
        Assert.Equal(10_998, dataset.Report.RowsRead);
        Assert.Equal(530, dataset.Report.DroppedByReason["paid death notice"]);
        Assert.DoesNotContain(dataset.Entities, e => e.Name.StartsWith("Paid Notice", StringComparison.Ordinal));
        Assert.All(dataset.Entities, e => Assert.InRange(e.Year!.Value, 1991, 2020));
    }

    [Fact]
    public void NytEpuDropsOnlyTheBylineDatedIn1970()
    {
        // SOURCE.md: 18,507 rows; CSV line 198 "JAMES SAFT | REUTERS" dated 1970-01-15 is a byline; 5,812 rows from 2010 to 2020.
        var dataset = LoadedDatasets.Get("headlines_epu");
        Assert.Equal(18_507, dataset.Report.RowsRead);
        var skipped = Assert.Single(dataset.Report.Skipped);
        Assert.Equal(197, skipped.Row);
        Assert.Contains("JAMES SAFT | REUTERS", skipped.Detail);
        Assert.Equal(5_812, dataset.Entities.Count(e => e.Year is >= 2010 and < 2021));
        Assert.Equal(1, dataset.Entities.Count(e => e.Get(MetadataKeys.Date) == "2025-01-01"));
        // SOURCE.md: "ALL-CAPS in 1,587 rows", one of them the dropped byline; 256 headlines had doubled spaces or line breaks.
        Assert.Equal(1_587 - 1, dataset.Entities.Count(e => e.Get("all_caps") == "true"));
        Assert.Equal(256, dataset.Report.RepairsByKind["whitespace trimmed or collapsed"]);
    }

    [Fact]
    public void AbcKeepsAllRowsWithTheDocumentedCountPerYear()
    {
        // SOURCE.md: 20,000 rows, 2003-02-19 to 2020-12-31, and this table of rows per year.
        var perYear = new Dictionary<string, int>
        {
            ["2003"] = 1_084, ["2004"] = 1_266, ["2005"] = 1_172, ["2006"] = 1_086, ["2007"] = 1_222, ["2008"] = 1_338,
            ["2009"] = 1_323, ["2010"] = 1_235, ["2011"] = 1_288, ["2012"] = 1_401, ["2013"] = 1_476, ["2014"] = 1_338,
            ["2015"] = 1_269, ["2016"] = 967, ["2017"] = 741, ["2018"] = 622, ["2019"] = 513, ["2020"] = 659,
        };
        var dataset = LoadedDatasets.Get("headlines_abc");
        Assert.Equal(20_000, dataset.Entities.Count);
        var counted = dataset.Entities.GroupBy(e => e.Get(MetadataKeys.Year)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(perYear.OrderBy(p => p.Key), counted.OrderBy(p => p.Key));
        Assert.Equal("2003-02-19", dataset.Entities.Min(e => e.Get(MetadataKeys.Date)));
        Assert.Equal("2020-12-31", dataset.Entities.Max(e => e.Get(MetadataKeys.Date)));
    }

    [Fact]
    public void ArtSplitNeverPutsACreatorOnBothSides()
    {
        var art = LoadedDatasets.Get("art");
        var mixed = art.Entities.GroupBy(e => e.Get("creator")).Where(g => g.Select(e => e.IsTest).Distinct().Count() > 1).Select(g => g.Key).ToArray();
        Assert.Empty(mixed);
    }

    [Fact]
    public void TargetsArePositionsOrYears()
    {
        var world = LoadedDatasets.Get("world_place");
        // world_place.csv row 13: Under (restaurant), latitude 58.0409, longitude 7.1546.
        Assert.Equal([7.1546, 58.0409], world.Target(LoadedDatasets.Row("world_place", 13)));
        var art = LoadedDatasets.Get("art");
        // art.csv row 1: Stephen King's It, 1986-09-15 = day 258 of 365.
        Assert.Equal(1986 + 257.0 / 365, art.Target(LoadedDatasets.Row("art", 1))[0], 12);
        Assert.Equal(["longitude", "latitude"], world.TargetNames);
        Assert.Equal(["year"], art.TargetNames);
    }
}
