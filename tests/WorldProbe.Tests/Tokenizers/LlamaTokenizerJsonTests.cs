using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>
/// A Llama-2-style tokenizer.json (SentencePiece pieces as BPE with byte fallback, '▁' normalizer,
/// BOS template) run by the Rust library, against the sentencepiece library's ids for the same model.
/// </summary>
public sealed class LlamaTokenizerJsonTests : IDisposable
{
    readonly ITextTokenizer tokenizer = TokenizerLoader.Load(Path.Combine(TokenizerFixture.Folder, "llama_json"));

    public void Dispose() => tokenizer.Dispose();

    public static IEnumerable<object[]> Indices => TokenizerFixture.Indices;

    // " Paris" and "  two  spaces": the fast tokenizer keeps every space as '▁', sentencepiece collapses them.
    static bool HasLeadingOrRepeatedSpace(string text) => text.StartsWith(' ') || text.Contains("  ", StringComparison.Ordinal);

    [Fact]
    public void LoadsThroughTheRustLibraryWithBosFromTheTemplate()
    {
        Assert.Equal(TokenizerKind.HuggingFaceJson, tokenizer.Kind);
        Assert.Equal(600, tokenizer.VocabularySize);
        Assert.Equal(1, tokenizer.Special.Bos);
        Assert.Equal(2, tokenizer.Special.Eos);
    }

    [Theory, MemberData(nameof(Indices))]
    public void IdsMatchSentencePieceWithBosOnlyWithSpecialTokens(int index)
    {
        string text = TokenizerFixture.Strings[index];
        var withBos = tokenizer.Encode(text, addSpecialTokens: true);
        var plain = tokenizer.Encode(text, addSpecialTokens: false);
        Assert.Equal([1, .. plain.Ids], withBos.Ids);
        Assert.True(withBos.Spans[0].IsEmpty);
        if (!HasLeadingOrRepeatedSpace(text))
            Assert.Equal(TokenizerFixture.Ids("llama_sp", "sentencepiece_raw", index), plain.Ids);
        else
            Assert.Equal(TokenizerFixture.Ids("llama_sp", "sentencepiece_raw", index), plain.Ids.Where((id, i) => !IsExtraSpace(plain, i)));
    }

    // A lone '▁' piece whose span is a space that sentencepiece would have removed.
    static bool IsExtraSpace(TokenizedText encoded, int i) =>
        encoded.Ids[i] == 501 && encoded.TokenText(i).All(char.IsWhiteSpace);

    [Theory, MemberData(nameof(Indices))]
    public void SpansSpellTheirTokens(int index)
    {
        var encoded = tokenizer.Encode(TokenizerFixture.Strings[index], addSpecialTokens: true);
        SpanAssertions.SpansSpellTokens(tokenizer, encoded, SpanAssertions.WithoutWhitespace);
    }

    [Fact]
    public void EntityLastTokenEndsAtTheEntity()
    {
        const string text = "The capital of Peru is near Lake Titicaca";
        int start = text.IndexOf("Titicaca", StringComparison.Ordinal);
        var encoded = tokenizer.Encode(text, addSpecialTokens: true);
        int first = encoded.FirstTokenOverlapping(start, text.Length), last = encoded.LastTokenOverlapping(start, text.Length);
        Assert.Equal(encoded.Count - 1, last);
        Assert.Equal(text.Length, encoded.Spans[last].End);
        // '▁T' takes the space before the entity, as SentencePiece pieces do.
        Assert.Equal(" T", encoded.TokenText(first));
    }
}
