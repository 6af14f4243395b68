namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Collects a <see cref="DatasetLoadReport"/> while a reader walks its file.</summary>
internal sealed class LoadReportBuilder(string dataset, string file)
{
    readonly SortedDictionary<string, int> repairs = new(StringComparer.Ordinal);
    readonly List<SkippedRow> skipped = [];
    int rowsRead;
    int kept;

    /// <summary>
    /// Counts every row and passes on those with the header's number of fields; the others are skipped here,
    /// since a ragged row cannot be read by column name.
    /// </summary>
    public IEnumerable<DelimitedRow> WholeRows(IEnumerable<DelimitedRow> rows)
    {
        foreach (var row in rows)
        {
            rowsRead++;
            if (row.HasHeaderWidth) yield return row;
            else Skip(row.Number, "wrong number of fields", $"{row.Fields.Length} fields, header has {row.HeaderWidth}");
        }
    }

    /// <summary>Counts a kept row and the repairs it needed (repairs are counted on kept rows only).</summary>
    public void Keep(IEnumerable<string> repairKinds)
    {
        kept++;
        foreach (string kind in repairKinds) repairs[kind] = repairs.GetValueOrDefault(kind) + 1;
    }

    public void Skip(int row, string reason, string detail) => skipped.Add(new SkippedRow(row, reason, detail));

    public DatasetLoadReport Build() => new(dataset, file, rowsRead, kept, repairs, skipped);
}
