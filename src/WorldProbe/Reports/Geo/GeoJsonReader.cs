using System.Text.Json;

namespace WorldProbe.Reports.Geo;

/// <summary>Reads Polygon and MultiPolygon features of a GeoJSON FeatureCollection (lon/lat coordinates).</summary>
public static class GeoJsonReader
{
    /// <summary>Every polygon feature of <paramref name="path"/>, named by the first of <paramref name="nameProperties"/> present.</summary>
    public static IReadOnlyList<GeoShape> Read(string path, params string[] nameProperties)
    {
        using var document = ParseFile(path);
        if (!document.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            throw new WorldProbeException($"{path}: not a GeoJSON FeatureCollection (no \"features\" array).");
        var shapes = new List<GeoShape>();
        int index = 0;
        foreach (var feature in features.EnumerateArray())
        {
            var properties = ReadProperties(feature);
            string name = nameProperties.Select(p => properties.GetValueOrDefault(p)).FirstOrDefault(v => !string.IsNullOrEmpty(v)) ?? $"feature {index}";
            if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object)
            {
                var rings = ReadRings(geometry, path, index);
                if (rings.Count > 0) shapes.Add(new GeoShape(name, rings, properties));
            }
            index++;
        }
        return shapes;
    }

    static JsonDocument ParseFile(string path)
    {
        try { return JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new WorldProbeException($"{path}: invalid JSON at line {e.LineNumber + 1}: {e.Message}", e); }
    }

    static Dictionary<string, string> ReadProperties(JsonElement feature)
    {
        var result = new Dictionary<string, string>();
        if (feature.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
            foreach (var property in properties.EnumerateObject())
                result[property.Name] = property.Value.ValueKind switch
                {
                    JsonValueKind.String => property.Value.GetString()!,
                    JsonValueKind.Null => "",
                    _ => property.Value.GetRawText(),
                };
        return result;
    }

    static List<(double, double)[]> ReadRings(JsonElement geometry, string path, int index)
    {
        string type = geometry.GetProperty("type").GetString() ?? "";
        var coordinates = geometry.GetProperty("coordinates");
        var rings = new List<(double, double)[]>();
        switch (type)
        {
            case "Polygon":
                foreach (var ring in coordinates.EnumerateArray()) rings.Add(ReadRing(ring));
                break;
            case "MultiPolygon":
                foreach (var polygon in coordinates.EnumerateArray())
                    foreach (var ring in polygon.EnumerateArray()) rings.Add(ReadRing(ring));
                break;
            case "Point" or "MultiPoint" or "LineString" or "MultiLineString":
                break;
            default:
                throw new WorldProbeException($"{path}: feature {index} has geometry type \"{type}\", which is not supported.");
        }
        return rings;
    }

    static (double, double)[] ReadRing(JsonElement ring) =>
        ring.EnumerateArray().Select(point => (point[0].GetDouble(), point[1].GetDouble())).ToArray();
}
