namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// The part shared by the three place readers: walk the rows, check width, coordinates and is_test,
/// skip (with row and reason) what cannot be used, and build entities with the reader's name and metadata.
/// </summary>
internal static class PlaceRowReader
{
    /// <summary>Reads a place file whose columns include name, latitude, longitude and is_test.</summary>
    public static (List<Entity> Entities, DatasetLoadReport Report) Read(
        string dataset,
        string path,
        IReadOnlyList<string> requiredColumns,
        Func<string, string> rewriteName,
        Func<DelimitedRow, Dictionary<string, string>> metadata)
    {
        var report = new LoadReportBuilder(dataset, path);
        var entities = new List<Entity>();
        foreach (var row in report.WholeRows(DelimitedFile.Csv(path).Rows(requiredColumns)))
        {
            string name = row["name"].Trim();
            if (name.Length == 0)
            {
                report.Skip(row.Number, "missing name", "");
                continue;
            }
            if (FieldParsers.CoordinateProblem(row["latitude"], row["longitude"], out double latitude, out double longitude) is { } problem)
            {
                report.Skip(row.Number, problem, $"latitude '{row["latitude"]}', longitude '{row["longitude"]}'");
                continue;
            }
            if (!FieldParsers.TryPythonBool(row["is_test"], out bool isTest))
            {
                report.Skip(row.Number, "is_test is not True/False", row["is_test"]);
                continue;
            }
            var repairs = new List<string>();
            if (name != row["name"]) repairs.Add("whitespace trimmed");
            string rewritten = rewriteName(name);
            if (rewritten != name) repairs.Add("name rewritten");
            var meta = metadata(row);
            meta[MetadataKeys.SourceName] = row["name"];
            entities.Add(new Entity(row.Number, rewritten, dataset, latitude, longitude, null, isTest, meta));
            report.Keep(repairs);
        }
        return (entities, report.Build());
    }
}
