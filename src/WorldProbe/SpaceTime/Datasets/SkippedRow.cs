namespace WorldProbe.SpaceTime.Datasets;

/// <summary>A source row that was not loaded, and why.</summary>
/// <param name="Row">1-based data row number (header excluded), the id the row would have had.</param>
/// <param name="Reason">A short, stable reason, used to group drops in the report.</param>
/// <param name="Detail">The offending value or text, for a person to check.</param>
public sealed record SkippedRow(int Row, string Reason, string Detail);
