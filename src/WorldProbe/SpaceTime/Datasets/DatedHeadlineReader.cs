namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Reads a headline file with a full publication date: the NYT economic-policy selection (headline,
/// ref_date yyyy-MM-dd, 1980-2024) and the ABC News sample (publish_date yyyyMMdd, headline_text, 2003-2020).
/// Dates before <see cref="Source.Earliest"/> are dropped as wrong (the NYT set's 1970-01-15 row is a byline).
/// </summary>
public static class DatedHeadlineReader
{
    /// <summary>Registry name of the NYT economic-policy headlines.</summary>
    public const string NytEpu = "headlines_epu";

    /// <summary>Registry name of the ABC News headlines.</summary>
    public const string Abc = "headlines_abc";

    /// <summary>How one dated headline file is laid out.</summary>
    /// <param name="Dataset">Registry name.</param>
    /// <param name="HeadlineColumn">Column with the headline.</param>
    /// <param name="DateColumn">Column with the date.</param>
    /// <param name="DateFormat">The date's format.</param>
    /// <param name="Earliest">The first date the source documents; earlier dates are errors.</param>
    public sealed record Source(string Dataset, string HeadlineColumn, string DateColumn, string DateFormat, DateOnly Earliest);

    /// <summary>The NYT economic-policy headlines (rwig).</summary>
    public static readonly Source NytEpuSource = new(NytEpu, "headline", "ref_date", "yyyy-MM-dd", new DateOnly(1980, 1, 1));

    /// <summary>The ABC News (Australia) sample.</summary>
    public static readonly Source AbcSource = new(Abc, "headline_text", "publish_date", "yyyyMMdd", new DateOnly(2003, 1, 1));

    /// <summary>Loads <paramref name="path"/> laid out as <paramref name="source"/>.</summary>
    public static EntityDataset Read(string path, Source source)
    {
        var report = new LoadReportBuilder(source.Dataset, path);
        var entities = new List<Entity>();
        foreach (var row in report.WholeRows(DelimitedFile.Csv(path).Rows([source.HeadlineColumn, source.DateColumn])))
        {
            string raw = row[source.HeadlineColumn];
            string name = HeadlineText.Entity(raw, out bool whitespace);
            if (name.Length == 0)
            {
                report.Skip(row.Number, "missing headline", "");
                continue;
            }
            if (!FractionalYear.TryParse(row[source.DateColumn], source.DateFormat, out var date))
            {
                report.Skip(row.Number, $"{source.DateColumn} is not {source.DateFormat}", row[source.DateColumn]);
                continue;
            }
            if (date < source.Earliest)
            {
                report.Skip(row.Number, $"date before {source.Earliest:yyyy-MM-dd} (outside the source's range)", $"{row[source.DateColumn]}: {name}");
                continue;
            }
            double year = FractionalYear.Of(date);
            var metadata = new Dictionary<string, string>
            {
                [MetadataKeys.SourceName] = raw,
                [MetadataKeys.Date] = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                [MetadataKeys.Year] = FractionalYear.WholeYear(year),
                [MetadataKeys.Decade] = FractionalYear.Decade(year),
                ["all_caps"] = (name.Any(char.IsLetter) && name == name.ToUpperInvariant()) ? "true" : "false",
            };
            entities.Add(new Entity(row.Number, name, source.Dataset, null, null, year,
                HashSplit.IsTest(HeadlineText.SplitKey(source.Dataset, name)), metadata));
            report.Keep(whitespace ? ["whitespace trimmed or collapsed"] : []);
        }
        return new EntityDataset(source.Dataset, TargetKind.Time, entities, report.Build(),
            "publication date as a fractional year (year + (day of year - 1) / days in year)", HeadlineText.SplitRule(source.Dataset));
    }
}
