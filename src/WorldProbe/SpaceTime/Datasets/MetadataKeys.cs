namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Metadata keys shared across datasets, so that holdout experiments (block and entity-type holdout)
/// can group any dataset by the same names. A dataset without the attribute has no such key.
/// </summary>
public static class MetadataKeys
{
    /// <summary>The name as it appears in the source file, before rewriting.</summary>
    public const string SourceName = "source_name";
    /// <summary>Country (world places: as in the file, e.g. "United_States"; Pantheon: birth country).</summary>
    public const string Country = "country";
    /// <summary>US state, two-letter id.</summary>
    public const string State = "state";
    /// <summary>NYC borough name ("" for the 57 rows the source leaves blank).</summary>
    public const string Borough = "borough";
    /// <summary>Entity type: world/US place type, NYC facility type, art type (song, movie, book), headline news desk or type.</summary>
    public const string EntityType = "entity_type";
    /// <summary>Century as floor(year / 100), as the original computed it (1950 -> "19", 384 BC = -383 -> "-4").</summary>
    public const string Century = "century";
    /// <summary>Decade as floor(year / 10) * 10 (1986 -> "1980").</summary>
    public const string Decade = "decade";
    /// <summary>Whole year, floor of the time target.</summary>
    public const string Year = "year";
    /// <summary>Occupation (Pantheon).</summary>
    public const string Occupation = "occupation";
    /// <summary>News desk (NYT general headlines).</summary>
    public const string NewsDesk = "news_desk";
    /// <summary>Date as written in the source (ISO yyyy-MM-dd where the source has a day).</summary>
    public const string Date = "date";
}
