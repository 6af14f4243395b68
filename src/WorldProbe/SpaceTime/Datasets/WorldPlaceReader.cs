namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Reads world_place.csv: world structures, natural places and populated places with the original's split.</summary>
public static class WorldPlaceReader
{
    /// <summary>Registry name.</summary>
    public const string Dataset = "world_place";

    static readonly string[] Columns = ["name", "entity_subtype", "country", "latitude", "longitude", "page_views", "entity_type", "population", "is_test"];

    /// <summary>Loads the file; names are rewritten by <see cref="WorldPlaceNames.Rewrite"/>.</summary>
    public static EntityDataset Read(string path)
    {
        var (entities, report) = PlaceRowReader.Read(Dataset, path, Columns, WorldPlaceNames.Rewrite, row => new()
        {
            [MetadataKeys.Country] = row["country"],
            [MetadataKeys.EntityType] = row["entity_type"],
            ["entity_subtype"] = row["entity_subtype"],
            ["population"] = FieldParsers.Tidy(row["population"]),
            ["page_views"] = FieldParsers.Tidy(row["page_views"]),
        });
        return new EntityDataset(Dataset, TargetKind.Place, entities, report,
            "[longitude, latitude] in degrees from the file",
            "the file's is_test column (the original's uniform random 20%)");
    }
}
