using System.Text.RegularExpressions;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// The original's rewriting of world place names into possessive English: "X (Y)" -> "Y's X"
/// (the first parenthesised text moves to the front; every parenthesised part is removed), otherwise
/// "A, B" -> "B's A" (the last comma-separated part moves to the front). Unlike the original, the
/// result has no stray double or trailing spaces ("Under (restaurant)" gave "restaurant's Under ").
/// </summary>
public static partial class WorldPlaceNames
{
    /// <summary>The rewritten name; names with neither parentheses nor commas come back unchanged.</summary>
    public static string Rewrite(string name)
    {
        var match = Parenthesised().Match(name);
        if (match.Success)
        {
            string inside = match.Groups[1].Value.Trim();
            string rest = CollapseSpaces(Parenthesised().Replace(name, ""));
            return rest.Length == 0 || inside.Length == 0 ? CollapseSpaces(name) : $"{inside}'s {rest}";
        }
        if (name.Contains(','))
        {
            string[] parts = name.Split(',');
            string last = parts[^1].Trim();
            string head = string.Join(",", parts[..^1]).Trim();
            return last.Length == 0 || head.Length == 0 ? name : $"{last}'s {head}";
        }
        return name;
    }

    static string CollapseSpaces(string text) => Spaces().Replace(text, " ").Trim();

    [GeneratedRegex(@"\((.*?)\)")]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
