namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Reads us_place.csv: cities, zip codes, counties, colleges and landmarks of the 48 contiguous states and DC.</summary>
public static class UsPlaceReader
{
    /// <summary>Registry name.</summary>
    public const string Dataset = "us_place";

    static readonly string[] Columns = ["name", "latitude", "longitude", "state_id", "state_name", "county_fips", "population", "timezone", "entity_type", "entity_subtype", "is_test"];

    /// <summary>Loads the file; names are used as written (zip codes keep their leading zeros).</summary>
    public static EntityDataset Read(string path)
    {
        var (entities, report) = PlaceRowReader.Read(Dataset, path, Columns, name => name, row => new()
        {
            [MetadataKeys.State] = row["state_id"],
            ["state_name"] = row["state_name"],
            [MetadataKeys.EntityType] = row["entity_type"],
            ["entity_subtype"] = row["entity_subtype"],
            ["county_fips"] = FieldParsers.Tidy(row["county_fips"]),
            ["population"] = FieldParsers.Tidy(row["population"]),
            ["timezone"] = row["timezone"],
        });
        return new EntityDataset(Dataset, TargetKind.Place, entities, report,
            "[longitude, latitude] in degrees from the file",
            "the file's is_test column (the original's uniform random 20%)");
    }
}
