namespace WorldProbe.SpaceTime.Datasets;

/// <summary>Collects a <see cref="DatasetLoadReport"/> while a reader walks its file.</summary>
internal sealed class LoadReportBuilder(string dataset, string file)
{
    readonly SortedDictionary<string, int> repairs = new(StringComparer.Ordinal);
    readonly List<SkippedRow> skipped = [];
    int rowsRead;
    int kept;

    public void Read() => rowsRead++;

    /// <summary>Counts a kept row and the repairs it needed (repairs are counted on kept rows only).</summary>
    public void Keep(IEnumerable<string> repairKinds)
    {
        kept++;
        foreach (string kind in repairKinds) repairs[kind] = repairs.GetValueOrDefault(kind) + 1;
    }

    public void Skip(int row, string reason, string detail) => skipped.Add(new SkippedRow(row, reason, detail));

    public DatasetLoadReport Build() => new(dataset, file, rowsRead, kept, repairs, skipped);
}
