using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Prompts;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Finding the probed and entity tokens from token offsets (offsets written out by hand).</summary>
public class PromptTokenSpanTests
{
    static RenderedPrompt Lincoln(string prompt) =>
        PromptCatalog.Render(PromptCatalog.Get(prompt), LoadedDatasets.Row("pantheon", 1));

    [Fact]
    public void SentencePieceStyleOffsetsWithLeadingSpaces()
    {
        // "When was Abraham Lincoln born?" as ▁When ▁was ▁Abraham ▁Lincoln ▁born ?, offsets including the space.
        var prompt = Lincoln("when");
        (int, int)[] offsets = [(0, 4), (4, 8), (8, 16), (16, 24), (24, 29), (29, 30)];
        Assert.Equal(3, PromptTokenSpans.ProbedToken(prompt, offsets)); // ▁Lincoln, not ?
        Assert.Equal((2, 3), PromptTokenSpans.EntityTokens(prompt, offsets)); // ▁Abraham ▁Lincoln, not ▁was
    }

    [Fact]
    public void EntitySplitInsideAWord()
    {
        // "When was Abraham Lincoln born?" with Lincoln cut as "Lin" + "coln" and offsets without spaces.
        var prompt = Lincoln("when");
        (int, int)[] offsets = [(0, 4), (5, 8), (9, 16), (17, 20), (20, 24), (25, 29), (29, 30)];
        Assert.Equal(4, PromptTokenSpans.ProbedToken(prompt, offsets));
        Assert.Equal((2, 4), PromptTokenSpans.EntityTokens(prompt, offsets));
    }

    [Fact]
    public void ByteFallbackPiecesOfTheLastCharacterEndAtTheirLastPiece()
    {
        // "... Lincoln born?" with the final "n" spelled as two byte-fallback pieces that share its span.
        var prompt = Lincoln("when");
        (int, int)[] offsets = [(0, 4), (4, 8), (8, 16), (16, 23), (23, 24), (23, 24), (24, 29), (29, 30)];
        Assert.Equal(5, PromptTokenSpans.ProbedToken(prompt, offsets));
    }

    [Fact]
    public void HeadlinePeriodIsItsOwnToken()
    {
        var campaign = PromptCatalog.Render(PromptCatalog.Get("when_w_period"), LoadedDatasets.Row("headlines_epu", 1));
        // "Publication date of: Campaign Report." : Publication, ▁date, ▁of, :, ▁Campaign, ▁Report, .
        (int, int)[] offsets = [(0, 11), (11, 16), (16, 19), (19, 20), (20, 29), (29, 36), (36, 37)];
        Assert.Equal(6, PromptTokenSpans.ProbedToken(campaign, offsets));
        Assert.Equal((4, 5), PromptTokenSpans.EntityTokens(campaign, offsets));
    }

    [Fact]
    public void ZeroWidthPiecesFallBackToTheLastStartedToken()
    {
        // Byte-fallback pieces of "é" can come back with empty offsets; the probe lands on the token before.
        var entity = new Entity(1, "Pelé", "pantheon", null, null, 1940, false, new Dictionary<string, string>());
        var prompt = PromptCatalog.Render(PromptCatalog.Get("empty"), entity);
        (int, int)[] offsets = [(0, 3), (3, 3), (3, 3)];
        Assert.Equal(2, PromptTokenSpans.ProbedToken(prompt, offsets));
    }

    [Fact]
    public void OffsetsOfAnotherTextAreAnError()
    {
        var prompt = Lincoln("when");
        Assert.Throws<WorldProbeException>(() => PromptTokenSpans.EntityTokens(prompt, [(0, 4), (4, 8)]));
    }
}
