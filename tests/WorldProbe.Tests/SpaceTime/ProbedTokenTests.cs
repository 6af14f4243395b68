using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Extraction;
using WorldProbe.SpaceTime.Prompts;
using WorldProbe.Tests.MiniLM;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>The probed token located by <see cref="EncodedPrompt"/> with real tokenizers (the fixtures' GPT-2 BPE and Llama tokenizers, MiniLM's WordPiece).</summary>
[Collection(MiniLmCollection.Name)]
public class ProbedTokenTests(MiniLmFixture minilm)
{
    static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers", name);

    static Entity Place(string name) => new(1, name, "world_place", 50.06, 19.94, null, false, new Dictionary<string, string>());

    static EncodedPrompt Encode(ITextTokenizer tokenizer, string prompt, Entity entity) =>
        EncodedPrompt.Encode(tokenizer, PromptCatalog.Render(PromptCatalog.Get(prompt), entity));

    /// <summary>Decodes the probed token and the whole text after BOS, to compare with hand-written expectations.</summary>
    static (string Probed, int FromEnd) Probe(ITextTokenizer tokenizer, EncodedPrompt encoded) =>
        (tokenizer.Decode([(int)encoded.Ids[encoded.ProbedIndex]]).Trim(), encoded.Ids.Length - 1 - encoded.ProbedIndex);

    [Theory]
    [InlineData("gpt2_bpe")]
    [InlineData("llama_json")]
    [InlineData("llama_sp")]
    public void EntityLastTokenWithFixtureTokenizers(string name)
    {
        using var tokenizer = TokenizerLoader.Load(Fixture(name));
        // "What are the lat/lon coordinates of Lake Titicaca": the probe is the last piece of "Titicaca", at the very end.
        var encoded = Encode(tokenizer, "coords", Place("Lake Titicaca"));
        var (probed, fromEnd) = Probe(tokenizer, encoded);
        Assert.Equal(0, fromEnd);
        Assert.EndsWith(probed, "Titicaca");
        Assert.NotEqual("Titicaca", probed); // split into several pieces by every vocabulary here
        // BOS first for GPT-2 style (none configured) or Llama (<s>): the sequence starts with it when the tokenizer has one.
        if (tokenizer.Special.Bos is int bos) Assert.Equal(bos, encoded.Ids[0]);
    }

    [Theory]
    [InlineData("gpt2_bpe")]
    [InlineData("llama_json")]
    [InlineData("llama_sp")]
    public void SuffixAfterTheEntityIsNotProbed(string name)
    {
        using var tokenizer = TokenizerLoader.Load(Fixture(name));
        // "When was Abraham Lincoln born?": the probe is the last token of the text cut after "Lincoln"
        // (tokenized on its own: " born?" starts with a space, so the cut changes no token before it).
        var lincoln = new Entity(1, "Abraham Lincoln", "pantheon", null, null, 1809, false, new Dictionary<string, string>());
        var prompt = PromptCatalog.Render(PromptCatalog.Get("when"), lincoln);
        var encoded = EncodedPrompt.Encode(tokenizer, prompt);
        var cut = tokenizer.Encode(prompt.Text[..prompt.EntityEnd], addSpecialTokens: false);
        int bos = tokenizer.Special.Bos is null ? 0 : 1;
        Assert.Equal(bos + cut.Count - 1, encoded.ProbedIndex);
        Assert.Equal(cut.Ids.Select(i => (long)i), encoded.Ids[bos..(encoded.ProbedIndex + 1)]);
        Assert.True(encoded.Ids.Length - 1 > encoded.ProbedIndex); // " born?" follows
    }

    [Fact]
    public void HeadlinePeriodWithWordPiece()
    {
        using var tokenizer = TokenizerLoader.Load(minilm.Folder);
        var headline = new Entity(1, "Campaign Report", "headlines_epu", null, null, 1980, false, new Dictionary<string, string>());
        var encoded = Encode(tokenizer, "when_w_period", headline);
        // [CLS] publication date of : campaign report .  -> the period, last; [CLS] first, no [SEP].
        Assert.Equal(tokenizer.Special.Cls, (int)encoded.Ids[0]);
        Assert.Equal(8, encoded.Ids.Length);
        Assert.Equal(7, encoded.ProbedIndex);
        Assert.Equal(".", tokenizer.Decode([(int)encoded.Ids[7]]));
    }

    [Fact]
    public void WordPieceUncasedAccentedEntity()
    {
        using var tokenizer = TokenizerLoader.Load(minilm.Folder);
        // Lower-cased, accents stripped: "... coordinates of krakow" with "krakow" split into word pieces; the probe is its last piece.
        var encoded = Encode(tokenizer, "coords", Place("Kraków"));
        var (probed, fromEnd) = Probe(tokenizer, encoded);
        Assert.Equal(0, fromEnd);
        // [CLS] what are the lat / lon coordinates of | krakow pieces
        long of = tokenizer.Encode("of", addSpecialTokens: false).Ids.Single();
        int after = Array.LastIndexOf(encoded.Ids, of) + 1;
        Assert.Equal("krakow", tokenizer.Decode(encoded.Ids[after..].Select(i => (int)i).ToArray()));
        Assert.EndsWith(probed.TrimStart('#'), "krakow");
    }

    [Fact]
    public void EntityMergedIntoThePromptsLastToken()
    {
        using var tokenizer = TokenizerLoader.Load(Fixture("gpt2_bpe"));
        // The fixture BPE's third merge is "i" + "n". A hand-made prompt "...of Berli" + entity "n Wall" puts that
        // merged token across the boundary: the entity's first token holds the prompt's last character.
        string text = "coordinates of Berlin Wall";
        var wall = new RenderedPrompt(1, "custom", text, text.IndexOf("n Wall", StringComparison.Ordinal), text.Length, null, 0, null);
        var encoded = EncodedPrompt.Encode(tokenizer, wall);
        var spans = tokenizer.Encode(text, addSpecialTokens: false).Spans;
        int first = PromptTokenSpans.EntityTokens(wall, spans.Select(s => (s.Start, s.End)).ToArray()).First;
        Assert.True(spans[first].Start < wall.EntityStart, "the entity's first token starts inside the prompt");
        Assert.Equal(encoded.Ids.Length - 1, encoded.ProbedIndex); // still the entity's last token

        // An entity that ends inside a merged token ("Berli|n") probes that token.
        var berl = new RenderedPrompt(1, "custom", text, text.IndexOf("Berl", StringComparison.Ordinal), text.IndexOf("n Wall", StringComparison.Ordinal), null, 0, null);
        var cut = EncodedPrompt.Encode(tokenizer, berl);
        var probed = spans[cut.ProbedIndex - (tokenizer.Special.Bos is null ? 0 : 1)];
        Assert.True(probed.Start <= berl.EntityEnd - 1 && probed.End > berl.EntityEnd, $"the probed token [{probed.Start}, {probed.End}) holds the entity's last character {berl.EntityEnd - 1} and runs past it");
        Assert.Contains("in", tokenizer.Decode([(int)cut.Ids[cut.ProbedIndex]]));
    }

    [Fact]
    public void RandomPrefixSitsBetweenBosAndText()
    {
        using var tokenizer = TokenizerLoader.Load(minilm.Folder);
        var prompt = PromptCatalog.Render(PromptCatalog.Get("random"), Place("Paris"));
        var encoded = EncodedPrompt.Encode(tokenizer, prompt);
        var expected = RandomPrefix.Draw(prompt.RandomPrefixSeed!.Value, 10, RandomPrefix.LowestId, tokenizer.VocabularySize);
        Assert.Equal(expected.Select(i => (long)i), encoded.Ids[1..11]);
        Assert.Equal(12, encoded.Ids.Length); // [CLS] + 10 random + "paris"
        Assert.Equal(11, encoded.ProbedIndex);
    }
}
