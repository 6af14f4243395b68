using System.Text.RegularExpressions;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// A headline's entity text and split key. The entity is the headline with surrounding whitespace
/// trimmed, runs of spaces collapsed, and one final period removed: the headline prompts put the period
/// back (and probe it) or leave it off. The split key is the lower-cased entity text, so repeated
/// headlines ("World Business Briefing") are all train or all test.
/// </summary>
public static partial class HeadlineText
{
    /// <summary>The entity text of a raw headline; <paramref name="whitespaceRepaired"/> when spaces were trimmed or collapsed.</summary>
    public static string Entity(string raw, out bool whitespaceRepaired)
    {
        string collapsed = Spaces().Replace(raw, " ").Trim();
        whitespaceRepaired = collapsed != raw;
        return collapsed.EndsWith('.') && !collapsed.EndsWith("..", StringComparison.Ordinal) ? collapsed[..^1].TrimEnd() : collapsed;
    }

    /// <summary>The key <see cref="HashSplit"/> hashes for a headline of <paramref name="dataset"/>.</summary>
    public static string SplitKey(string dataset, string entity) => dataset + ":" + entity.ToLowerInvariant();

    /// <summary>The split rule, in words, for a headline dataset.</summary>
    public static string SplitRule(string dataset) =>
        $"hash split: test when SHA-256(\"worldprobe-split:{dataset}:\" + lower-cased headline) maps below 0.2 (equal headlines share a split)";

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
