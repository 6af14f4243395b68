using System.Text.Json.Serialization;

namespace WorldProbe.Probing;

/// <summary>How a place's position becomes regression targets.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PlaceTargetEncoding>))]
public enum PlaceTargetEncoding
{
    /// <summary>[longitude, latitude] in degrees, as the original work. Linear, so a probe cannot wrap across the date line.</summary>
    LongitudeLatitude,
    /// <summary>[x, y, z] on the unit sphere: no seam at the date line or the poles; predictions are projected back to latitude and longitude.</summary>
    UnitSphere,
}
