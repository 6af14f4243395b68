using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Reads a delimited text file (CSV with RFC 4180 quoting, or plain tab-separated) as a header and
/// data rows, checking up front that the columns a reader needs are present.
/// </summary>
/// <param name="Path">The file.</param>
/// <param name="Delimiter">"," or "\t".</param>
/// <param name="Encoding">The file's text encoding.</param>
/// <param name="Quoted">True for RFC 4180 quoting; false splits on the delimiter only (quotes stay in the text).</param>
internal sealed record DelimitedFile(string Path, string Delimiter, Encoding Encoding, bool Quoted)
{
    /// <summary>A UTF-8 CSV file with RFC 4180 quoting.</summary>
    public static DelimitedFile Csv(string path) => new(path, ",", new UTF8Encoding(false), true);

    /// <summary>
    /// The data rows in file order. Throws <see cref="WorldProbeException"/> when the file is missing,
    /// empty, or lacks one of <paramref name="requiredColumns"/>.
    /// </summary>
    public IEnumerable<DelimitedRow> Rows(IReadOnlyList<string> requiredColumns)
    {
        if (!File.Exists(Path))
            throw new WorldProbeException($"{Path}: file not found. The space/time data lives in data/spacetime/ of the checkout; restore it with `git checkout -- data/spacetime`.");
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = Delimiter,
            HasHeaderRecord = false,
            Mode = Quoted ? CsvMode.RFC4180 : CsvMode.NoEscape,
            BadDataFound = null,
            IgnoreBlankLines = true,
        };
        using var reader = new StreamReader(Path, Encoding, detectEncodingFromByteOrderMarks: false);
        using var parser = new CsvParser(reader, config);
        if (!parser.Read())
            throw new WorldProbeException($"{Path}: the file is empty; expected a header row with the columns {string.Join(", ", requiredColumns)}.");
        string[] header = parser.Record!;
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < header.Length; i++) index.TryAdd(header[i].Trim(), i);
        foreach (string column in requiredColumns)
            if (!index.ContainsKey(column))
                throw new WorldProbeException(
                    $"{Path}: the header has no column '{column}' (found: {string.Join(", ", header)}). " +
                    $"The reader needs {string.Join(", ", requiredColumns)}; restore the vendored file with `git checkout -- data/spacetime` or fix its header.");
        int row = 0;
        while (parser.Read())
            yield return new DelimitedRow(++row, parser.Record!, header.Length, index);
    }
}
