using System.Globalization;
using System.Text.RegularExpressions;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Pantheon's birth years as astronomical years (year 0 = 1 BC, -1 = 2 BC), so that differences in years
/// are right across the BC/AD boundary. Pantheon writes BC years as negatives (Aristotle -384 = 384 BC
/// -> astronomical -383) and has one "0" (Saint Peter), kept as 0. A decade such as "530s" becomes its
/// middle, 535 (the value with the least expected error when the year is anywhere in the decade); an
/// uncertain year such as "1237?" becomes 1237. "Unknown" cannot be repaired.
/// </summary>
public static partial class PantheonBirthYear
{
    /// <summary>How a year text was read.</summary>
    public enum Reading
    {
        /// <summary>A plain AD year (or 0).</summary>
        Plain,
        /// <summary>A negative (BC) year, converted to astronomical numbering.</summary>
        BeforeChrist,
        /// <summary>A decade "NNNs", read as its middle year.</summary>
        Decade,
        /// <summary>A year with a trailing '?', read without it.</summary>
        Uncertain,
        /// <summary>Not a year.</summary>
        Invalid,
    }

    /// <summary>The astronomical year, or null with <see cref="Reading.Invalid"/>.</summary>
    public static int? Parse(string text, out Reading reading)
    {
        text = text.Trim();
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int year))
        {
            reading = year < 0 ? Reading.BeforeChrist : Reading.Plain;
            return year < 0 ? year + 1 : year;
        }
        var decade = DecadeText().Match(text);
        if (decade.Success)
        {
            reading = Reading.Decade;
            return int.Parse(decade.Groups[1].Value, CultureInfo.InvariantCulture) + 5;
        }
        var uncertain = UncertainText().Match(text);
        if (uncertain.Success)
        {
            int value = int.Parse(uncertain.Groups[1].Value, CultureInfo.InvariantCulture);
            reading = Reading.Uncertain;
            return value < 0 ? value + 1 : value;
        }
        reading = Reading.Invalid;
        return null;
    }

    [GeneratedRegex(@"^(\d+0)s$")]
    private static partial Regex DecadeText();

    [GeneratedRegex(@"^(-?\d+)\?$")]
    private static partial Regex UncertainText();
}
