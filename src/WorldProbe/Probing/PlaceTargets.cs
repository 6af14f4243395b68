using static TorchSharp.torch;

namespace WorldProbe.Probing;

/// <summary>
/// Turns latitude and longitude (degrees) into probe targets and probe outputs back into latitude
/// and longitude. The two angles are always passed separately and named, because the original
/// code's haversine swapped them.
/// </summary>
public static class PlaceTargets
{
    /// <summary>Targets [n, 2] (longitude, latitude) or [n, 3] (x, y, z), float64.</summary>
    public static Tensor Encode(Tensor latitude, Tensor longitude, PlaceTargetEncoding encoding = PlaceTargetEncoding.LongitudeLatitude)
    {
        using var scope = NewDisposeScope();
        var lat = latitude.to_type(ScalarType.Float64);
        var lon = longitude.to_type(ScalarType.Float64);
        var result = encoding switch
        {
            PlaceTargetEncoding.LongitudeLatitude => stack([lon, lat], 1),
            PlaceTargetEncoding.UnitSphere => UnitVectors(lat, lon),
            _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Latitude and longitude (degrees, float64) of predictions made in <paramref name="encoding"/>.
    /// Sphere predictions need not be unit length: the direction is what counts. Longitude-latitude
    /// predictions are returned as predicted, without wrapping or clamping.
    /// </summary>
    public static (Tensor Latitude, Tensor Longitude) Decode(Tensor predicted, PlaceTargetEncoding encoding = PlaceTargetEncoding.LongitudeLatitude)
    {
        using var scope = NewDisposeScope();
        var p = predicted.to_type(ScalarType.Float64);
        Tensor lat, lon;
        switch (encoding)
        {
            case PlaceTargetEncoding.LongitudeLatitude:
                lon = p[.., 0].clone();
                lat = p[.., 1].clone();
                break;
            case PlaceTargetEncoding.UnitSphere:
                var (x, y, z) = (p[.., 0], p[.., 1], p[.., 2]);
                lat = rad2deg(atan2(z, sqrt(x * x + y * y)));
                lon = rad2deg(atan2(y, x));
                break;
            default: throw new ArgumentOutOfRangeException(nameof(encoding));
        }
        return (lat.MoveToOuterDisposeScope(), lon.MoveToOuterDisposeScope());
    }

    static Tensor UnitVectors(Tensor latitude, Tensor longitude)
    {
        var phi = deg2rad(latitude);
        var lambda = deg2rad(longitude);
        return stack([cos(phi) * cos(lambda), cos(phi) * sin(lambda), sin(phi)], 1); // [n, 3]
    }
}
