using System.Text.Json;
using System.Text.Json.Nodes;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>The GPT-2-style byte-level BPE tokenizer.json against the ids transformers gave.</summary>
public sealed class ByteLevelBpeTests : IDisposable
{
    readonly ITextTokenizer tokenizer = TokenizerLoader.Load(Path.Combine(TokenizerFixture.Folder, "gpt2_bpe"));

    public void Dispose() => tokenizer.Dispose();

    public static IEnumerable<object[]> Indices => TokenizerFixture.Indices;

    [Fact]
    public void FolderLoadsAsHuggingFaceJsonWithItsSpecialTokens()
    {
        Assert.Equal(TokenizerKind.HuggingFaceJson, tokenizer.Kind);
        Assert.Equal(700, tokenizer.VocabularySize);
        Assert.Equal(0, tokenizer.Special.Bos);
        Assert.Equal(0, tokenizer.Special.Eos);
        Assert.Null(tokenizer.Special.Pad);
    }

    [Theory, MemberData(nameof(Indices))]
    public void IdsWithoutSpecialTokensMatchTransformers(int index)
    {
        string text = TokenizerFixture.Strings[index];
        Assert.Equal(TokenizerFixture.Ids("gpt2_bpe", "no_special", index), tokenizer.Encode(text, addSpecialTokens: false).Ids);
    }

    [Theory, MemberData(nameof(Indices))]
    public void SpecialTokensAddNothingAsInTransformersGpt2(int index)
    {
        // GPT-2's ByteLevel post-processor adds no BOS: add_special_tokens=True gives the same ids.
        string text = TokenizerFixture.Strings[index];
        Assert.Equal(TokenizerFixture.Ids("gpt2_bpe", "no_special", index), tokenizer.Encode(text, addSpecialTokens: true).Ids);
    }

    [Theory, MemberData(nameof(Indices))]
    public void SpansSpellTheirTokensExactly(int index)
    {
        var encoded = tokenizer.Encode(TokenizerFixture.Strings[index], addSpecialTokens: false);
        SpanAssertions.SpansSpellTokens(tokenizer, encoded, s => s);
    }

    [Fact]
    public void DecodeInvertsEncode()
    {
        foreach (string text in TokenizerFixture.Strings)
            Assert.Equal(text, tokenizer.Decode(tokenizer.Encode(text, addSpecialTokens: false).Ids));
    }

    [Fact]
    public void EntityFirstTokenTakesThePrecedingSpaceAndItsLastTokenEndsAtTheEntity()
    {
        const string text = "The capital of France is Paris.";
        int start = text.IndexOf("Paris", StringComparison.Ordinal), end = start + "Paris".Length;
        var encoded = tokenizer.Encode(text, addSpecialTokens: false);
        int first = encoded.FirstTokenOverlapping(start, end), last = encoded.LastTokenOverlapping(start, end);
        // Byte-level BPE merges the space before the entity into its first token (" P", id 376 as in
        // the fixture's " Paris"); the entity's last token ends exactly at its last character.
        Assert.Equal(376, encoded.Ids[first]);
        Assert.Equal(" P", encoded.TokenText(first));
        Assert.Equal(end, encoded.Spans[last].End);
        Assert.Equal(".", encoded.TokenText(last + 1));
    }

    [Fact]
    public void BytesOfOneCharacterShareItsSpan()
    {
        const string text = "What is the latitude and longitude of Kraków?";
        var encoded = tokenizer.Encode(text, addSpecialTokens: false);
        int accent = text.IndexOf('ó');
        // 'ó' is two UTF-8 bytes and, in this vocabulary, two tokens: both point at the one character.
        Assert.Equal(2, encoded.Spans.Count(s => s == new TokenSpan(accent, accent + 1)));
        int last = encoded.LastTokenOverlapping(text.IndexOf("Kraków", StringComparison.Ordinal), text.Length - 1);
        Assert.Equal("w", encoded.TokenText(last));
    }

    [Fact]
    public void TemplateBosIsAddedOnlyWithSpecialTokensAndHasAnEmptySpan()
    {
        // A Llama-style TemplateProcessing post-processor (BOS, then the text) on the same model: the
        // Rust library adds BOS, which must disappear with addSpecialTokens=false.
        string folder = Directory.CreateTempSubdirectory("worldprobe-bos-").FullName;
        try
        {
            var json = JsonNode.Parse(File.ReadAllText(Path.Combine(TokenizerFixture.Folder, "gpt2_bpe", "tokenizer.json")))!;
            json["post_processor"] = JsonNode.Parse("""
                {"type":"TemplateProcessing",
                 "single":[{"SpecialToken":{"id":"<|endoftext|>","type_id":0}},{"Sequence":{"id":"A","type_id":0}}],
                 "pair":[{"Sequence":{"id":"A","type_id":0}},{"Sequence":{"id":"B","type_id":1}}],
                 "special_tokens":{"<|endoftext|>":{"id":"<|endoftext|>","ids":[0],"tokens":["<|endoftext|>"]}}}
                """);
            File.WriteAllText(Path.Combine(folder, "tokenizer.json"), json.ToJsonString());
            using var withBos = TokenizerLoader.Load(folder);
            for (int i = 0; i < 16; i++)
            {
                string text = TokenizerFixture.Strings[i];
                int[] expected = TokenizerFixture.Ids("gpt2_bpe", "no_special", i);
                var encoded = withBos.Encode(text, addSpecialTokens: true);
                Assert.Equal([0, .. expected], encoded.Ids);
                Assert.True(encoded.Spans[0].IsEmpty);
                Assert.Equal(tokenizer.Encode(text, false).Spans, encoded.Spans[1..]);
                Assert.Equal(expected, withBos.Encode(text, addSpecialTokens: false).Ids);
            }
            Assert.Equal(0, withBos.Special.Bos);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
