using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// Pantheon's repairs on real rows of pantheon.tsv (row = 1-based data row). Expected values were
/// worked out by hand from the raw bytes: "¨¦" is GBK A8 A6 = "é", "¨½" is A8 BD = "ń", "¨¤" is A8 A4 = "à".
/// </summary>
public class PantheonRepairTests
{
    static Entity Row(int id) => LoadedDatasets.Row("pantheon", id);

    [Theory]
    [InlineData(32, "Andr¨¦ Gide", "André Gide")]
    [InlineData(1287, "Roman Pola¨½ski", "Roman Polański")]
    [InlineData(1848, "Thomas ¨¤ Kempis", "Thomas à Kempis")]
    [InlineData(1938, "¨¦mile Zola", "Émile Zola")]
    [InlineData(11053, "G¨¹nter Grass", "Günter Grass")]
    [InlineData(571, "\"G¨¦za, Grand Prince of the Hungarians\"", "Géza, Grand Prince of the Hungarians")]
    [InlineData(5710, "Benigno \"Noynoy\" Aquino III", "Benigno \"Noynoy\" Aquino III")]
    public void MojibakeNamesAreRepaired(int row, string asLatin1, string repaired)
    {
        var entity = Row(row);
        Assert.Equal(asLatin1, entity.Get(MetadataKeys.SourceName));
        Assert.Equal(repaired, entity.Name);
    }

    [Fact]
    public void GbkWinsOverAccidentalUtf8()
    {
        // Row 10310: the bytes CB AE C4 BE D2 BB E0 4F are GBK for 水木一郞 (Ichiro Mizuki); the first three pairs are valid UTF-8 too.
        Assert.Equal("水木一郞", Row(10310).Name);
    }

    [Fact]
    public void BirthCitiesAreRepairedToo()
    {
        // Row 7: Arthur Schopenhauer, born in "Gda¨½sk".
        Assert.Equal("Gdańsk", Row(7).Get("birth_city"));
    }

    [Fact]
    public void YearsAreAstronomicalWithDecadesAtTheirMiddle()
    {
        Assert.Equal(1809, Row(1).Year); // Abraham Lincoln
        Assert.Equal(-383, Row(2).Year); // Aristotle, "-384" = 384 BC
        Assert.Equal("-384", Row(2).Get("birth_year_source"));
        Assert.Equal("-4", Row(2).Get(MetadataKeys.Century));
        Assert.Equal(535, Row(61).Year); // Alboin, "530s"
        Assert.Equal("Alboin", Row(61).Name);
        Assert.Equal(1237, Row(7301).Year); // Adam de la Halle, "1237?"
        Assert.Equal(0, Row(11294).Year); // Saint Peter, "0"
    }

    [Theory]
    [InlineData("530s", 535, PantheonBirthYear.Reading.Decade)]
    [InlineData("1237?", 1237, PantheonBirthYear.Reading.Uncertain)]
    [InlineData("-1", 0, PantheonBirthYear.Reading.BeforeChrist)]
    [InlineData("-500", -499, PantheonBirthYear.Reading.BeforeChrist)]
    [InlineData("1", 1, PantheonBirthYear.Reading.Plain)]
    public void BirthYearTexts(string text, int year, PantheonBirthYear.Reading reading)
    {
        Assert.Equal(year, PantheonBirthYear.Parse(text, out var read));
        Assert.Equal(reading, read);
    }

    [Fact]
    public void UnrepairableRowsAreDroppedWithRowAndReason()
    {
        var report = LoadedDatasets.Get("pantheon").Report;
        Assert.Contains(new SkippedRow(7995, "birth year is not a year", "Unknown"), report.Skipped); // Asa
        Assert.Contains(new SkippedRow(11073, "birth year is not a year", "Unknown"), report.Skipped); // Elisha
        Assert.Contains(new SkippedRow(218, "name lost letters upstream ('?')", "Bj?rn Borg"), report.Skipped);
        Assert.Equal(new Dictionary<string, int> { ["birth year is not a year"] = 2, ["name lost letters upstream ('?')"] = 472 }, report.DroppedByReason);
        Assert.Equal(1, report.RepairsByKind["decade year (530s -> 535)"]);
        Assert.Equal(1, report.RepairsByKind["uncertain year ('?' removed)"]);
        Assert.False(report.RepairsByKind.ContainsKey("mojibake (UTF-8 read as Latin-1)"));
    }

    [Fact]
    public void Utf8MojibakeIsRepairedWhenItOccurs()
    {
        Assert.Equal("André", PantheonText.Redecode("AndrÃ©", out var decoding));
        Assert.Equal(PantheonText.Decoding.Utf8, decoding);
        Assert.Equal("Plain", PantheonText.Redecode("Plain", out decoding));
        Assert.Equal(PantheonText.Decoding.Ascii, decoding);
    }
}
