using System.Buffers.Binary;
using System.Text;

namespace WorldProbe.Reports.Geo;

/// <summary>
/// Reads polygon shapefiles (.shp geometry, type 5, with the .dbf attribute table beside it), as the
/// US Census distributes state outlines. Only what map backgrounds need: rings and names.
/// </summary>
public static class ShapefileReader
{
    const int PolygonType = 5;

    /// <summary>Every polygon of <paramref name="shpPath"/>, named by the .dbf column <paramref name="nameColumn"/>.</summary>
    public static IReadOnlyList<GeoShape> Read(string shpPath, string nameColumn)
    {
        byte[] shp = File.ReadAllBytes(shpPath);
        if (shp.Length < 100 || BinaryPrimitives.ReadInt32BigEndian(shp) != 9994)
            throw new WorldProbeException($"{shpPath}: not a shapefile (bad file code).");
        var attributes = ReadDbf(Path.ChangeExtension(shpPath, ".dbf"));
        var shapes = new List<GeoShape>();
        int offset = 100, record = 0;
        while (offset + 8 <= shp.Length)
        {
            int contentBytes = BinaryPrimitives.ReadInt32BigEndian(shp.AsSpan(offset + 4)) * 2;
            int content = offset + 8;
            if (content + contentBytes > shp.Length)
                throw new WorldProbeException($"{shpPath}: record {record} at byte {offset} runs past the end of the file; the file is truncated.");
            int type = BinaryPrimitives.ReadInt32LittleEndian(shp.AsSpan(content));
            if (type == PolygonType)
            {
                var properties = record < attributes.Count ? attributes[record] : new Dictionary<string, string>();
                shapes.Add(new GeoShape(properties.GetValueOrDefault(nameColumn, $"record {record}"), ReadPolygon(shp, content), properties));
            }
            else if (type != 0)
                throw new WorldProbeException($"{shpPath}: record {record} has shape type {type}; only polygons (5) are supported.");
            offset = content + contentBytes;
            record++;
        }
        return shapes;
    }

    static List<(double, double)[]> ReadPolygon(byte[] shp, int content)
    {
        // Content: type, bounding box (4 doubles), part count, point count, part starts, points.
        int parts = BinaryPrimitives.ReadInt32LittleEndian(shp.AsSpan(content + 36));
        int points = BinaryPrimitives.ReadInt32LittleEndian(shp.AsSpan(content + 40));
        int partStarts = content + 44, pointStart = partStarts + 4 * parts;
        var rings = new List<(double, double)[]>(parts);
        for (int p = 0; p < parts; p++)
        {
            int first = BinaryPrimitives.ReadInt32LittleEndian(shp.AsSpan(partStarts + 4 * p));
            int end = p + 1 < parts ? BinaryPrimitives.ReadInt32LittleEndian(shp.AsSpan(partStarts + 4 * (p + 1))) : points;
            var ring = new (double, double)[end - first];
            for (int i = first; i < end; i++)
            {
                int at = pointStart + 16 * i;
                ring[i - first] = (BinaryPrimitives.ReadDoubleLittleEndian(shp.AsSpan(at)), BinaryPrimitives.ReadDoubleLittleEndian(shp.AsSpan(at + 8)));
            }
            rings.Add(ring);
        }
        return rings;
    }

    static List<Dictionary<string, string>> ReadDbf(string path)
    {
        var rows = new List<Dictionary<string, string>>();
        if (!File.Exists(path)) return rows;
        byte[] dbf = File.ReadAllBytes(path);
        int count = BinaryPrimitives.ReadInt32LittleEndian(dbf.AsSpan(4));
        int headerBytes = BinaryPrimitives.ReadInt16LittleEndian(dbf.AsSpan(8));
        int recordBytes = BinaryPrimitives.ReadInt16LittleEndian(dbf.AsSpan(10));
        var fields = new List<(string Name, int Length)>();
        for (int at = 32; at + 32 <= headerBytes && dbf[at] != 0x0d; at += 32)
            fields.Add((Encoding.ASCII.GetString(dbf, at, 11).TrimEnd('\0'), dbf[at + 16]));
        for (int r = 0; r < count; r++)
        {
            int at = headerBytes + r * recordBytes + 1; // first byte: deletion flag
            var row = new Dictionary<string, string>();
            foreach (var (name, length) in fields)
            {
                row[name] = Encoding.Latin1.GetString(dbf, at, length).Trim();
                at += length;
            }
            rows.Add(row);
        }
        return rows;
    }
}
