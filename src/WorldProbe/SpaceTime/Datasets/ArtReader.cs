namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Reads art.csv: songs, movies and books with their release dates, split by creator.</summary>
public static class ArtReader
{
    /// <summary>Registry name.</summary>
    public const string Dataset = "art";

    static readonly string[] Columns = ["title", "creator", "release_date", "entity_type", "is_test", "decade"];

    /// <summary>Loads the file; the entity text is <see cref="ArtNames.Possessive"/>, the target the release date.</summary>
    public static EntityDataset Read(string path)
    {
        var report = new LoadReportBuilder(Dataset, path);
        var entities = new List<Entity>();
        foreach (var row in report.WholeRows(DelimitedFile.Csv(path).Rows(Columns)))
        {
            string title = row["title"].Trim(), creator = row["creator"].Trim();
            if (title.Length == 0 || creator.Length == 0)
            {
                report.Skip(row.Number, "missing title or creator", $"title '{title}', creator '{creator}'");
                continue;
            }
            if (!FractionalYear.TryParse(row["release_date"], "yyyy-MM-dd", out var date))
            {
                report.Skip(row.Number, "release_date is not yyyy-MM-dd", row["release_date"]);
                continue;
            }
            if (!FieldParsers.TryPythonBool(row["is_test"], out bool isTest))
            {
                report.Skip(row.Number, "is_test is not True/False", row["is_test"]);
                continue;
            }
            double year = FractionalYear.Of(date);
            var metadata = new Dictionary<string, string>
            {
                [MetadataKeys.SourceName] = row["title"],
                ["creator"] = creator,
                ["title"] = title,
                [MetadataKeys.EntityType] = row["entity_type"],
                [MetadataKeys.Date] = row["release_date"],
                [MetadataKeys.Year] = FractionalYear.WholeYear(year),
                [MetadataKeys.Decade] = FractionalYear.Decade(year),
                [MetadataKeys.Century] = FractionalYear.Century(year),
            };
            entities.Add(new Entity(row.Number, ArtNames.Possessive(creator, title), Dataset, null, null, year, isTest, metadata));
            report.Keep([]);
        }
        return new EntityDataset(Dataset, TargetKind.Time, entities, report.Build(),
            "release_date as a fractional year (year + (day of year - 1) / days in year)",
            "the file's is_test column (the original's random 20% of creators: no creator is in both splits)");
    }
}
