using WorldProbe.Probing;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Probing;

public class PlaceTargetsTests
{
    static readonly double[] Latitudes = [48.8566, -33.8688, 64.1466, 0, -89];
    static readonly double[] Longitudes = [2.3522, 151.2093, -21.9426, 179.9, -120];

    [Theory]
    [InlineData(PlaceTargetEncoding.LongitudeLatitude)]
    [InlineData(PlaceTargetEncoding.UnitSphere)]
    public void EncodeThenDecodeReturnsThePlaces(PlaceTargetEncoding encoding)
    {
        using var scope = NewDisposeScope();
        var targets = PlaceTargets.Encode(tensor(Latitudes), tensor(Longitudes), encoding);
        var (lat, lon) = PlaceTargets.Decode(targets, encoding);
        Assert.True(allclose(lat, tensor(Latitudes), atol: 1e-9));
        Assert.True(allclose(lon, tensor(Longitudes), atol: 1e-9));
    }

    [Fact]
    public void LongitudeComesFirst()
    {
        using var scope = NewDisposeScope();
        var targets = PlaceTargets.Encode(tensor(new[] { 10.0 }), tensor(new[] { 20.0 }));
        Assert.Equal([20.0, 10.0], targets.data<double>().ToArray());
    }

    /// <summary>Sphere targets have no seam: halfway between 179 E and 179 W is 180, not 0 (the
    /// longitude-latitude average would say 0).</summary>
    [Fact]
    public void SphereHasNoDateLineSeam()
    {
        using var scope = NewDisposeScope();
        var targets = PlaceTargets.Encode(tensor(new[] { 0.0, 0.0 }), tensor(new[] { 179.0, -179.0 }), PlaceTargetEncoding.UnitSphere);
        var (lat, lon) = PlaceTargets.Decode(targets.mean([0L], keepdim: true), PlaceTargetEncoding.UnitSphere);
        Assert.Equal(180.0, Math.Abs(lon.item<double>()), 1e-9);
        Assert.Equal(0.0, lat.item<double>(), 1e-9);
        Assert.True(allclose(targets.norm(1), ones(2, dtype: ScalarType.Float64)));
    }
}
