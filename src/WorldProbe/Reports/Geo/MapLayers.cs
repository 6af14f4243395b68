using WorldProbe.Runs;

namespace WorldProbe.Reports.Geo;

/// <summary>The vendored map outlines (data/maps/, see its SOURCE.md).</summary>
public static class MapLayers
{
    /// <summary>Natural Earth 1:110m countries; properties include NAME, CONTINENT, ADM0_A3.</summary>
    public static IReadOnlyList<GeoShape> WorldCountries() =>
        GeoJsonReader.Read(RepositoryRoot.Resolve("data/maps/ne_110m_admin_0_countries.json"), "NAME", "ADMIN");

    /// <summary>US states (Census 2018, 1:20M); properties include NAME and STUSPS.</summary>
    public static IReadOnlyList<GeoShape> UsStates() =>
        ShapefileReader.Read(RepositoryRoot.Resolve("data/maps/us_states/cb_2018_us_state_20m.shp"), "NAME");

    /// <summary>The five NYC boroughs; properties include boro_name.</summary>
    public static IReadOnlyList<GeoShape> NycBoroughs() =>
        GeoJsonReader.Read(RepositoryRoot.Resolve("data/maps/nyc_boroughs.geojson"), "boro_name");
}
