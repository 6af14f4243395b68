using WorldProbe.Othello;

namespace WorldProbe.Tests.Othello;

/// <summary>Standard notation, the original code's transposed convention and its token ids.</summary>
public class SquareTests
{
    [Theory]
    [InlineData("a1", 0)]
    [InlineData("h1", 7)]
    [InlineData("a8", 56)]
    [InlineData("h8", 63)]
    [InlineData("d3", 19)]
    [InlineData("C4", 26)]
    public void StandardNamesAreLetterColumnDigitRowFromTheTopLeft(string name, int square)
    {
        Assert.Equal(square, Square.Parse(name));
        Assert.Equal(name.ToLowerInvariant(), Square.Name(square));
    }

    [Fact]
    public void TheOriginalConventionIsTheTranspose()
    {
        // Li et al.'s code reads "d3" as row 3, column 2 (0-based): standard c4.
        Assert.Equal(Square.Parse("c4"), Square.Parse("d3", SquareConvention.Original));
        Assert.Equal(3 * 8 + 2, Square.ToIndex(Square.Parse("c4"), SquareConvention.Standard));
        Assert.Equal(3 * 8 + 2, Square.ToIndex(Square.Parse("d3"), SquareConvention.Original));
        for (int s = 0; s < 64; s++)
        {
            Assert.Equal(s, Square.FromIndex(Square.ToIndex(s, SquareConvention.Original), SquareConvention.Original));
            Assert.Equal(s, Square.Parse(Square.Name(s, SquareConvention.Original), SquareConvention.Original));
        }
    }

    [Fact]
    public void OriginalTokensNumberThe60PlayableSquaresInTransposedOrder()
    {
        Assert.Equal(1, Square.ToOriginalToken(Square.Parse("a1")));
        Assert.Equal(2, Square.ToOriginalToken(Square.Parse("a2"))); // original index 1 = letter a, digit 2
        Assert.Equal(9, Square.ToOriginalToken(Square.Parse("b1")));
        Assert.Equal(27, Square.ToOriginalToken(Square.Parse("d3"))); // original index 26
        Assert.Equal(28, Square.ToOriginalToken(Square.Parse("d6"))); // original index 29, after the centre's 27 and 28
        Assert.Equal(60, Square.ToOriginalToken(Square.Parse("h8")));
        foreach (string centre in new[] { "d4", "e4", "d5", "e5" }) Assert.Equal(0, Square.ToOriginalToken(Square.Parse(centre)));
        var tokens = Enumerable.Range(0, 64).Where(s => !Square.IsCentre(s)).Select(Square.ToOriginalToken).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 60), tokens);
        for (int token = 1; token <= 60; token++) Assert.Equal(token, Square.ToOriginalToken(Square.FromOriginalToken(token)));
    }

    [Theory]
    [InlineData("i1")]
    [InlineData("a9")]
    [InlineData("a")]
    [InlineData("")]
    [InlineData("a10")]
    public void UnknownSquaresAreUserErrorsNamingThePlace(string text)
    {
        var error = Assert.Throws<WorldProbeException>(() => Square.Parse(text, where: "--exclude-opening"));
        Assert.Contains("--exclude-opening", error.Message);
    }

    [Fact]
    public void TranscriptsRoundTripAndBadMovesNameTheirPlace()
    {
        const string transcript = "f5d6c3d3c4";
        Assert.Equal(transcript, GameRecord.Transcript(GameRecord.From(GameRecord.ParseTranscript(transcript, "test"))));
        var error = Assert.Throws<WorldProbeException>(() => GameRecord.ParseTranscript("f5z9", "games.csv, line 7"));
        Assert.Contains("games.csv, line 7, move 2", error.Message);
        Assert.Throws<WorldProbeException>(() => GameRecord.ParseTranscript("f5d", "x"));
    }
}
