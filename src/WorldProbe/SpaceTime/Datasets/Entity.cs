namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// One row of a space or time dataset, ready for prompting and probing.
/// </summary>
/// <param name="Id">Stable id: the row's 1-based position among the data rows of the vendored file (header excluded).
/// Rows that are skipped keep their number, so ids never shift.</param>
/// <param name="Name">The entity text used in prompts, after the dataset's name rewriting
/// (world "X (Y)" -> "Y's X", NYC title case, art "{creator}'s {title}", repaired Pantheon names, headlines without a final period).</param>
/// <param name="Dataset">The registry name of the dataset, such as "world_place".</param>
/// <param name="Latitude">Latitude in degrees (places; Pantheon: birth place where known).</param>
/// <param name="Longitude">Longitude in degrees (places; Pantheon: birth place where known).</param>
/// <param name="Year">Time target as a fractional year (astronomical numbering: 0 = 1 BC), or null for places.</param>
/// <param name="IsTest">True for the held-out test split.</param>
/// <param name="Metadata">Holdout and reporting attributes; keys in <see cref="MetadataKeys"/> where shared.</param>
public sealed record Entity(
    int Id,
    string Name,
    string Dataset,
    double? Latitude,
    double? Longitude,
    double? Year,
    bool IsTest,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>A metadata value, or "" when the dataset has no such attribute.</summary>
    public string Get(string key) => Metadata.TryGetValue(key, out var value) ? value : "";
}
