using System.Globalization;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Culture-independent parsing of the fields the source files use.</summary>
internal static class FieldParsers
{
    /// <summary>A finite number written with '.' as decimal point; false for blanks and text.</summary>
    public static bool TryDouble(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);

    /// <summary>Python's "True"/"False" as pandas wrote them.</summary>
    public static bool TryPythonBool(string text, out bool value)
    {
        value = text == "True";
        return text is "True" or "False";
    }

    /// <summary>A latitude in [-90, 90] and a longitude in [-180, 180], or the reason they are not usable.</summary>
    public static string? CoordinateProblem(string latitudeText, string longitudeText, out double latitude, out double longitude)
    {
        longitude = double.NaN;
        if (!TryDouble(latitudeText, out latitude)) return latitudeText.Length == 0 ? "missing latitude" : "latitude is not a number";
        if (!TryDouble(longitudeText, out longitude)) return longitudeText.Length == 0 ? "missing longitude" : "longitude is not a number";
        if (latitude is < -90 or > 90) return "latitude outside [-90, 90]";
        if (longitude is < -180 or > 180) return "longitude outside [-180, 180]";
        return null;
    }

    /// <summary>The number's text for metadata: integers without ".0" (pandas wrote 36081.0 for 36081).</summary>
    public static string Tidy(string text) =>
        text.EndsWith(".0", StringComparison.Ordinal) && TryDouble(text, out _) ? text[..^2] : text;
}
