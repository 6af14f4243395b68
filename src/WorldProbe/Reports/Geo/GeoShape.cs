namespace WorldProbe.Reports.Geo;

/// <summary>
/// One named area on a map (a country, a state, a borough): its outer and inner rings as
/// (longitude, latitude) points, and the attributes its source file gives it.
/// </summary>
/// <param name="Name">Display name.</param>
/// <param name="Rings">Closed rings of (longitude, latitude) points.</param>
/// <param name="Properties">Attributes from the source file (for example CONTINENT).</param>
public sealed record GeoShape(string Name, IReadOnlyList<(double Lon, double Lat)[]> Rings, IReadOnlyDictionary<string, string> Properties);
