using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Every dataset's load report adds up, and ids follow the file's row order.</summary>
public class LoadReportTests
{
    public static TheoryData<string> Names => new(SpaceTimeDatasets.Names);

    [Theory]
    [MemberData(nameof(Names))]
    public void ReportCountsAddUpAndIdsFollowRowOrder(string name)
    {
        var dataset = LoadedDatasets.Get(name);
        var report = dataset.Report;
        Assert.Equal(report.RowsRead, report.Kept + report.Dropped);
        Assert.Equal(report.Kept, dataset.Entities.Count);
        Assert.Equal(report.Dropped, report.DroppedByReason.Values.Sum());
        Assert.All(report.RepairsByKind.Values, count => Assert.InRange(count, 1, report.Kept));
        var ids = dataset.Entities.Select(e => e.Id).Concat(report.Skipped.Select(s => s.Row)).Order().ToArray();
        Assert.Equal(Enumerable.Range(1, report.RowsRead), ids);
        Assert.True(dataset.Entities.Select(e => e.Id).SequenceEqual(dataset.Entities.Select(e => e.Id).Order()));
        Assert.All(dataset.Entities, e =>
        {
            Assert.Equal(name, e.Dataset);
            Assert.Equal(dataset.TargetNames.Count, dataset.Target(e).Length);
            Assert.All(dataset.Target(e), v => Assert.True(double.IsFinite(v)));
        });
    }

    [Fact]
    public void SummaryNamesReadKeptDroppedAndRepaired()
    {
        string summary = LoadedDatasets.Get("pantheon").Report.Summary();
        Assert.StartsWith("read 11341, kept 10867, dropped 474", summary);
        Assert.Contains("decade year (530s -> 535): 1", summary);
    }
}
