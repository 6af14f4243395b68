using System.Globalization;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Dates as fractional years: year + (day of year - 1) / days in that year, so 1 January is the whole
/// year and 31 December of a leap year is year + 365/366.
/// </summary>
public static class FractionalYear
{
    /// <summary>The fractional year of <paramref name="date"/>.</summary>
    public static double Of(DateOnly date) =>
        date.Year + (date.DayOfYear - 1) / (double)(DateTime.IsLeapYear(date.Year) ? 366 : 365);

    /// <summary>Parses a date in <paramref name="format"/> (such as "yyyy-MM-dd" or "yyyyMMdd"), invariant culture.</summary>
    public static bool TryParse(string text, string format, out DateOnly date) =>
        DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Decade label floor(year / 10) * 10 of a (fractional, astronomical) year.</summary>
    public static string Decade(double year) => ((long)Math.Floor(year / 10) * 10).ToString(CultureInfo.InvariantCulture);

    /// <summary>Century label floor(year / 100) of a (fractional, astronomical) year, as the original computed it.</summary>
    public static string Century(double year) => ((long)Math.Floor(year / 100)).ToString(CultureInfo.InvariantCulture);

    /// <summary>Whole-year label floor(year).</summary>
    public static string WholeYear(double year) => ((long)Math.Floor(year)).ToString(CultureInfo.InvariantCulture);
}
