using static TorchSharp.torch;

namespace WorldProbe.Probing.Metrics;

/// <summary>
/// Great-circle distance on a sphere of the Earth's mean radius, by the haversine formula:
/// a = sin^2((lat_b - lat_a)/2) + cos(lat_a) cos(lat_b) sin^2((lon_b - lon_a)/2),
/// distance = 2 R asin(min(1, sqrt(a))). Latitude and longitude are separate, named arguments
/// (the original work's haversine swapped them).
/// </summary>
public static class GreatCircle
{
    /// <summary>The IUGG mean Earth radius R1 = 6371.0088 km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Distance in km between points a and b, degrees in, elementwise with broadcasting, float64 out.</summary>
    public static Tensor DistanceKm(Tensor latitudeA, Tensor longitudeA, Tensor latitudeB, Tensor longitudeB)
    {
        using var scope = NewDisposeScope();
        var phiA = deg2rad(latitudeA.to_type(ScalarType.Float64));
        var phiB = deg2rad(latitudeB.to_type(ScalarType.Float64));
        var halfDeltaPhi = (phiB - phiA) / 2;
        var halfDeltaLambda = deg2rad(longitudeB.to_type(ScalarType.Float64) - longitudeA.to_type(ScalarType.Float64)) / 2;
        var a = sin(halfDeltaPhi).square() + cos(phiA) * cos(phiB) * sin(halfDeltaLambda).square();
        var distance = asin(sqrt(a).clamp_max(1.0)) * (2 * EarthRadiusKm);
        return distance.MoveToOuterDisposeScope();
    }

    /// <summary>Distance in km between two points given as numbers (degrees).</summary>
    public static double DistanceKm(double latitudeA, double longitudeA, double latitudeB, double longitudeB)
    {
        using var scope = NewDisposeScope();
        return DistanceKm(tensor(latitudeA), tensor(longitudeA), tensor(latitudeB), tensor(longitudeB)).item<double>();
    }
}
