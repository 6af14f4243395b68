namespace WorldProbe.SpaceTime.Datasets;

/// <summary>One data row of a <see cref="DelimitedFile"/>, with fields looked up by column name.</summary>
/// <param name="Number">1-based data row number (header excluded).</param>
/// <param name="Fields">The row's fields as read.</param>
/// <param name="HeaderWidth">Number of header columns.</param>
/// <param name="Columns">Column name to field index.</param>
internal sealed record DelimitedRow(int Number, string[] Fields, int HeaderWidth, IReadOnlyDictionary<string, int> Columns)
{
    /// <summary>True when the row has as many fields as the header.</summary>
    public bool HasHeaderWidth => Fields.Length == HeaderWidth;

    /// <summary>The field of <paramref name="column"/> (a column the reader required), or "" when the row is short.</summary>
    public string this[string column] => Columns[column] < Fields.Length ? Fields[Columns[column]] : "";
}
