using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>The original's name rewriting, checked on real rows of the vendored files.</summary>
public class NameRewritingTests
{
    [Theory]
    [InlineData(13, "Under (restaurant)", "restaurant's Under")]
    [InlineData(70, "Landmark Theatre (Syracuse, New York)", "Syracuse, New York's Landmark Theatre")]
    [InlineData(65, "Fort Amsterdam (Curaçao)", "Curaçao's Fort Amsterdam")]
    [InlineData(37, "The Verge, Singapore", "Singapore's The Verge")]
    public void WorldNamesBecomePossessive(int row, string source, string expected)
    {
        var entity = LoadedDatasets.Row("world_place", row);
        Assert.Equal(source, entity.Get(MetadataKeys.SourceName));
        Assert.Equal(expected, entity.Name);
    }

    [Fact]
    public void WorldNameWithBothRulesMovesOnlyTheParenthesis()
    {
        Assert.Equal("Erie, Pennsylvania's Warner Theatre", WorldPlaceNames.Rewrite("Warner Theatre (Erie, Pennsylvania)"));
        Assert.Equal("C's A, B", WorldPlaceNames.Rewrite("A, B, C"));
        Assert.Equal("Paris", WorldPlaceNames.Rewrite("Paris"));
    }

    [Theory]
    [InlineData(8, "ROBERT F KENNEDY", "Robert F Kennedy")]
    [InlineData(1728, "THE STUDIO MUSEUM OF HARLEM", "The Studio Museum of Harlem")]
    [InlineData(1589, "PS 105 THE BLYTHEBOURNE", "PS 105 the Blythebourne")]
    [InlineData(1646, "FDNY BRUSH FIRE UNIT 8", "FDNY Brush Fire Unit 8")]
    [InlineData(1214, "PETER'S FIELD", "Peter's Field")]
    [InlineData(387, "39 ST (NORTH) OVR SUNNYSIDE YD", "39 St (North) Ovr Sunnyside Yd")]
    public void NycNamesAreTitleCased(int row, string source, string expected)
    {
        var entity = LoadedDatasets.Row("nyc_place", row);
        Assert.Equal(source, entity.Get(MetadataKeys.SourceName));
        Assert.Equal(expected, entity.Name);
    }

    [Fact]
    public void ArtEntityIsCreatorPossessiveTitle()
    {
        // art.csv row 1: It, Stephen King; row 24: The Ballad of Songbirds and Snakes, Suzanne Collins (ends in 's').
        Assert.Equal("Stephen King's It", LoadedDatasets.Row("art", 1).Name);
        Assert.Equal("Suzanne Collins' The Ballad of Songbirds and Snakes", LoadedDatasets.Row("art", 24).Name);
    }

    [Fact]
    public void HeadlineEntityLosesOnlyItsFinalPeriod()
    {
        Assert.Equal("Not Hilton's. Not Westin's. Merely A Shoehorn", HeadlineText.Entity("Not Hilton's. Not Westin's. Merely A Shoehorn.", out _));
        Assert.Equal("Why Did Tavern Fail?", HeadlineText.Entity("Why Did Tavern Fail?", out bool whitespace));
        Assert.False(whitespace);
        Assert.Equal("a b", HeadlineText.Entity(" a  b ", out whitespace));
        Assert.True(whitespace);
    }
}
