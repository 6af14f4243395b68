using System.Globalization;
using System.Text;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Reads pantheon.tsv (Pantheon 1.0, 11,341 globally famous people): repairs the GBK mojibake, quoting
/// and odd birth years (see <see cref="PantheonText"/>, <see cref="PantheonBirthYear"/>) and drops rows
/// whose birth year is unknown or whose name lost letters upstream.
/// </summary>
public static class PantheonReader
{
    /// <summary>Registry name.</summary>
    public const string Dataset = "pantheon";

    static readonly string[] Columns = ["en_curid", "name", "numlangs", "birthcity", "countryName", "LAT", "LON", "continentName", "birthyear", "gender", "occupation", "industry", "domain", "HPI"];

    static readonly string[] TextColumns = ["name", "birthcity", "countryName", "occupation", "industry", "domain"];

    /// <summary>Loads the file.</summary>
    public static EntityDataset Read(string path)
    {
        var report = new LoadReportBuilder(Dataset, path);
        var entities = new List<Entity>();
        var file = new DelimitedFile(path, "\t", Encoding.Latin1, Quoted: false);
        foreach (var row in report.WholeRows(file.Rows(Columns)))
        {
            var repairs = new List<string>();
            var text = RepairText(row, repairs);
            string name = text["name"];
            if (!int.TryParse(row["en_curid"], NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                report.Skip(row.Number, "en_curid is not a number", row["en_curid"]);
                continue;
            }
            if (name.Length == 0)
            {
                report.Skip(row.Number, "missing name", "");
                continue;
            }
            if (PantheonText.HasLostLetters(name))
            {
                report.Skip(row.Number, "name lost letters upstream ('?')", name);
                continue;
            }
            int? year = PantheonBirthYear.Parse(row["birthyear"], out var reading);
            if (year is null)
            {
                report.Skip(row.Number, "birth year is not a year", row["birthyear"]);
                continue;
            }
            if (reading == PantheonBirthYear.Reading.BeforeChrist) repairs.Add("BC year to astronomical");
            if (reading == PantheonBirthYear.Reading.Decade) repairs.Add("decade year (530s -> 535)");
            if (reading == PantheonBirthYear.Reading.Uncertain) repairs.Add("uncertain year ('?' removed)");
            bool hasPlace = FieldParsers.CoordinateProblem(row["LAT"], row["LON"], out double latitude, out double longitude) is null;
            var metadata = new Dictionary<string, string>
            {
                [MetadataKeys.SourceName] = row["name"],
                ["en_curid"] = row["en_curid"],
                [MetadataKeys.Occupation] = text["occupation"],
                ["industry"] = text["industry"],
                ["domain"] = text["domain"],
                [MetadataKeys.Country] = text["countryName"],
                ["continent"] = row["continentName"],
                ["birth_city"] = text["birthcity"],
                ["gender"] = row["gender"],
                ["birth_year_source"] = row["birthyear"],
                [MetadataKeys.Year] = FractionalYear.WholeYear(year.Value),
                [MetadataKeys.Decade] = FractionalYear.Decade(year.Value),
                [MetadataKeys.Century] = FractionalYear.Century(year.Value),
                ["numlangs"] = row["numlangs"],
                ["hpi"] = row["HPI"],
            };
            entities.Add(new Entity(row.Number, name, Dataset,
                hasPlace ? latitude : null, hasPlace ? longitude : null, year.Value, HashSplit.IsTest("pantheon:" + row["en_curid"]), metadata));
            report.Keep(repairs);
        }
        return new EntityDataset(Dataset, TargetKind.Time, entities, report.Build(),
            "birth year, astronomical numbering (384 BC = -383); decades '530s' -> 535; latitude/longitude are the birth place where known",
            "hash split: test when SHA-256(\"worldprobe-split:pantheon:\" + en_curid) maps below 0.2");
    }

    static Dictionary<string, string> RepairText(DelimitedRow row, List<string> repairs)
    {
        var repaired = new Dictionary<string, string>();
        bool unquoted = false, utf8 = false, gbk = false, capitals = false;
        foreach (string column in TextColumns)
        {
            string value = row[column];
            if (PantheonText.TryUnquote(value, out string inner))
            {
                value = inner;
                unquoted = true;
            }
            value = PantheonText.Redecode(value, out var decoding);
            utf8 |= decoding == PantheonText.Decoding.Utf8;
            gbk |= decoding == PantheonText.Decoding.Gbk;
            string capitalised = PantheonText.RestoreCapitals(value);
            capitals |= capitalised != value && column is "name" or "birthcity";
            repaired[column] = column is "name" or "birthcity" ? capitalised.Trim() : value.Trim();
        }
        if (unquoted) repairs.Add("spreadsheet quotes removed");
        if (utf8) repairs.Add("mojibake (UTF-8 read as Latin-1)");
        if (gbk) repairs.Add("mojibake (GBK read as Latin-1)");
        if (capitals) repairs.Add("upper-case accent restored");
        return repaired;
    }
}
