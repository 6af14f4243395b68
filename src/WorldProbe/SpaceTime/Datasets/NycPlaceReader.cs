namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Reads nyc_place.csv: NYC Open Data points of interest, split by building complex.</summary>
public static class NycPlaceReader
{
    /// <summary>Registry name.</summary>
    public const string Dataset = "nyc_place";

    static readonly string[] Columns = ["name", "complexid", "latitude", "longitude", "borough_name", "facility_t_name", "is_test"];

    /// <summary>Loads the file; upper-case names are title-cased by <see cref="NycPlaceNames.TitleCase"/>.</summary>
    public static EntityDataset Read(string path)
    {
        var (entities, report) = PlaceRowReader.Read(Dataset, path, Columns, NycPlaceNames.TitleCase, row => new()
        {
            [MetadataKeys.Borough] = row["borough_name"],
            [MetadataKeys.EntityType] = row["facility_t_name"],
            ["complexid"] = row["complexid"],
        });
        return new EntityDataset(Dataset, TargetKind.Place, entities, report,
            "[longitude, latitude] in degrees (WGS 84) from the file",
            "the file's is_test column (the original's 20% of building complexes, topped up with complex-less points)");
    }
}
