using System.Globalization;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Reads headlines/nyt-general/nyt_headlines.csv: 10,998 NYT headlines, 1991-2020, year only, with a news desk.
/// Keeps articles only (as the original did) and drops the "Paid Notice: Deaths" entries.
/// </summary>
public static class NytGeneralHeadlineReader
{
    /// <summary>Registry name.</summary>
    public const string Dataset = "headlines_nyt";

    static readonly string[] Columns = ["headline", "type", "year", "news_desk_category"];

    /// <summary>Loads the file. The target is the year itself (the source has no month or day).</summary>
    public static EntityDataset Read(string path)
    {
        var report = new LoadReportBuilder(Dataset, path);
        var entities = new List<Entity>();
        foreach (var row in report.WholeRows(DelimitedFile.Csv(path).Rows(Columns)))
        {
            string name = HeadlineText.Entity(row["headline"], out bool whitespace);
            if (name.Length == 0)
            {
                report.Skip(row.Number, "missing headline", "");
                continue;
            }
            if (!int.TryParse(row["year"], NumberStyles.None, CultureInfo.InvariantCulture, out int year) || year is < 1800 or > 2100)
            {
                report.Skip(row.Number, "year is not a year", row["year"]);
                continue;
            }
            if (name.StartsWith("Paid Notice:", StringComparison.Ordinal))
            {
                report.Skip(row.Number, "paid death notice", name);
                continue;
            }
            if (row["type"] != "article")
            {
                report.Skip(row.Number, "not an article (multimedia or audio)", row["type"]);
                continue;
            }
            var metadata = new Dictionary<string, string>
            {
                [MetadataKeys.SourceName] = row["headline"],
                [MetadataKeys.NewsDesk] = row["news_desk_category"],
                [MetadataKeys.EntityType] = row["news_desk_category"],
                [MetadataKeys.Year] = FractionalYear.WholeYear(year),
                [MetadataKeys.Decade] = FractionalYear.Decade(year),
            };
            entities.Add(new Entity(row.Number, name, Dataset, null, null, year, HashSplit.IsTest(HeadlineText.SplitKey(Dataset, name)), metadata));
            report.Keep(whitespace ? ["whitespace trimmed or collapsed"] : []);
        }
        return new EntityDataset(Dataset, TargetKind.Time, entities, report.Build(),
            "publication year (the source has the year only)", HeadlineText.SplitRule(Dataset));
    }
}
