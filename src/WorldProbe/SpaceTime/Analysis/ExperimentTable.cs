using System.Globalization;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>How the experiment reports write numbers in tables.</summary>
public static class ExperimentTable
{
    /// <summary>The unit of <see cref="HeldOutScores.MeanError"/> for a kind ("km" or "years").</summary>
    public static string ErrorUnit(string kind) => kind == "place" ? "km" : "years";

    /// <summary>The error's format: whole km, one decimal of years.</summary>
    public static string ErrorFormat(string kind) => kind == "place" ? "F0" : "F1";

    /// <summary>An invariant number.</summary>
    public static string Number(double value, string format = "F3") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>A layer or count.</summary>
    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Folder-relative path for an image on a page in <paramref name="pageFolder"/>.</summary>
    public static string Relative(string pageFolder, string path) => Path.GetRelativePath(pageFolder, path).Replace('\\', '/');
}
