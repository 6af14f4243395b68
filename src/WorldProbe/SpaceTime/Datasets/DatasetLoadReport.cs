namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// What loading a dataset did: rows read, kept, repaired (by kind) and dropped (each with its row and reason).
/// <see cref="RowsRead"/> always equals <see cref="Kept"/> plus the number of <see cref="Skipped"/> rows.
/// </summary>
/// <param name="Dataset">Registry name.</param>
/// <param name="File">The file read.</param>
/// <param name="RowsRead">Data rows in the file (header excluded).</param>
/// <param name="Kept">Rows turned into entities.</param>
/// <param name="RepairsByKind">How many kept rows each kind of repair touched (a row can count under several kinds).</param>
/// <param name="Skipped">Every dropped row, in file order.</param>
public sealed record DatasetLoadReport(
    string Dataset,
    string File,
    int RowsRead,
    int Kept,
    IReadOnlyDictionary<string, int> RepairsByKind,
    IReadOnlyList<SkippedRow> Skipped)
{
    /// <summary>Dropped rows grouped by reason.</summary>
    public IReadOnlyDictionary<string, int> DroppedByReason =>
        Skipped.GroupBy(s => s.Reason).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>Total rows dropped.</summary>
    public int Dropped => Skipped.Count;

    /// <summary>One line for listings: "read 11341, kept 10867, dropped 474 (...), repaired 1206 (...)".</summary>
    public string Summary()
    {
        string dropped = Dropped == 0 ? "dropped 0" :
            $"dropped {Dropped} ({string.Join(", ", DroppedByReason.Select(p => $"{p.Key}: {p.Value}"))})";
        string repaired = RepairsByKind.Count == 0 ? "no repairs" :
            "repaired " + string.Join(", ", RepairsByKind.Select(p => $"{p.Key}: {p.Value}"));
        return $"read {RowsRead}, kept {Kept}, {dropped}, {repaired}";
    }
}
