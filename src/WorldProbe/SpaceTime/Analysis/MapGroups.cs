using WorldProbe.Reports.Geo;
using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// The colour group of an entity on the predicted-places maps. World places: the continent of the
/// Natural Earth country whose name equals the row's country column ("United_Kingdom" -> "United
/// Kingdom"), else of the country whose outline holds the true position, else "unmatched" (the column
/// also holds types such as "PopulatedPlace", and small islands fall outside the 1:110m outlines).
/// US places: the state; NYC: the borough; Pantheon: its continent column; others: the entity type.
/// </summary>
public static class MapGroups
{
    static readonly Lazy<IReadOnlyList<GeoShape>> Countries = new(MapLayers.WorldCountries);
    static readonly Lazy<Dictionary<string, string>> ContinentByName = new(() =>
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        // Own names first over all shapes, then sovereign states (else the Falklands would make the UK South American).
        foreach (string key in new[] { "NAME", "ADMIN", "NAME_LONG", "SOVEREIGNT" })
            foreach (var shape in Countries.Value)
                if (shape.Properties.TryGetValue(key, out var name) && shape.Properties.TryGetValue("CONTINENT", out var continent))
                    map.TryAdd(name, continent);
        return map;
    });

    /// <summary>The group of <paramref name="entity"/> of dataset <paramref name="dataset"/>.</summary>
    public static string GroupOf(string dataset, Entity entity)
    {
        string Meta(string key) => entity.Metadata.TryGetValue(key, out var value) && value.Length > 0 ? value : "unknown";
        return dataset switch
        {
            "world_place" => ContinentOf(entity),
            "us_place" => Meta("state_name"),
            "nyc_place" => Meta(MetadataKeys.Borough),
            "pantheon" => Meta("continent"),
            _ => Meta(MetadataKeys.EntityType),
        };
    }

    /// <summary>The continent of a world place (see the class remarks for the rule).</summary>
    public static string ContinentOf(Entity entity)
    {
        if (entity.Metadata.TryGetValue(MetadataKeys.Country, out var country)
            && ContinentByName.Value.TryGetValue(country.Replace('_', ' '), out var continent))
            return continent;
        if (entity.Latitude is double lat && entity.Longitude is double lon)
            foreach (var shape in Countries.Value)
                if (Contains(shape, lon, lat) && shape.Properties.TryGetValue("CONTINENT", out var found))
                    return found;
        return "unmatched";
    }

    /// <summary>Even-odd rule over all rings (holes included): true when (lon, lat) is inside the shape.</summary>
    public static bool Contains(GeoShape shape, double lon, double lat)
    {
        bool inside = false;
        foreach (var ring in shape.Rings)
            for (int i = 0, j = ring.Length - 1; i < ring.Length; j = i++)
                if ((ring[i].Lat > lat) != (ring[j].Lat > lat)
                    && lon < (ring[j].Lon - ring[i].Lon) * (lat - ring[i].Lat) / (ring[j].Lat - ring[i].Lat) + ring[i].Lon)
                    inside = !inside;
        return inside;
    }
}
