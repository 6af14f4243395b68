using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>The Llama-style SentencePiece model (byte fallback) against the sentencepiece library's ids.</summary>
public sealed class SentencePieceTests : IDisposable
{
    readonly ITextTokenizer tokenizer = TokenizerLoader.Load(Path.Combine(TokenizerFixture.Folder, "llama_sp"));

    public void Dispose() => tokenizer.Dispose();

    public static IEnumerable<object[]> Indices => TokenizerFixture.Indices;

    [Fact]
    public void FolderWithBrokenTokenizerJsonLoadsTheSentencePieceModel()
    {
        // llama_sp/tokenizer.json holds 3 tokens, tokenizer.model 600: the json cannot give the model's ids.
        Assert.Equal(TokenizerKind.SentencePiece, tokenizer.Kind);
        Assert.Equal(600, tokenizer.VocabularySize);
        Assert.Equal(new SpecialTokenIds(Bos: 1, Eos: 2, Pad: null, Cls: null, Sep: null, Unk: 0), tokenizer.Special);
    }

    [Theory, MemberData(nameof(Indices))]
    public void IdsMatchTheSentencePieceLibrary(int index)
    {
        string text = TokenizerFixture.Strings[index];
        Assert.Equal(TokenizerFixture.Ids("llama_sp", "sentencepiece_raw", index), tokenizer.Encode(text, addSpecialTokens: false).Ids);
    }

    [Theory, MemberData(nameof(Indices))]
    public void SpecialTokensPrependBosAsLlamaTokenizerDoes(int index)
    {
        // LlamaTokenizer (add_bos_token=True, add_eos_token=False): [BOS] + the sentencepiece ids.
        string text = TokenizerFixture.Strings[index];
        var encoded = tokenizer.Encode(text, addSpecialTokens: true);
        Assert.Equal([1, .. TokenizerFixture.Ids("llama_sp", "sentencepiece_raw", index)], encoded.Ids);
        Assert.True(encoded.Spans[0].IsEmpty);
    }

    [Theory, MemberData(nameof(Indices))]
    public void BrokenTokenizerJsonGivesTransformersEmptyIds(int index)
    {
        // The Rust library on the fixture's tokenizer.json reproduces what transformers 5.17 recorded
        // for it (nothing at all, with or without special tokens): the file, not the library, is wrong.
        using var json = new HuggingFaceJsonTokenizer(
            Path.Combine(TokenizerFixture.Folder, "llama_sp", "tokenizer.json"),
            TokenizerConfigFile.Read(Path.Combine(TokenizerFixture.Folder, "llama_sp")));
        string text = TokenizerFixture.Strings[index];
        Assert.Equal(TokenizerFixture.Ids("llama_sp", "with_bos", index), json.Encode(text, addSpecialTokens: true).Ids);
        Assert.Equal(TokenizerFixture.Ids("llama_sp", "no_special", index), json.Encode(text, addSpecialTokens: false).Ids);
    }

    [Theory, MemberData(nameof(Indices))]
    public void SpansSpellTheirTokens(int index)
    {
        var encoded = tokenizer.Encode(TokenizerFixture.Strings[index], addSpecialTokens: true);
        SpanAssertions.SpansSpellTokens(tokenizer, encoded, SpanAssertions.WithoutWhitespace);
    }

    [Fact]
    public void EntityLastTokenIsFoundAcrossBytePieces()
    {
        const string text = "The capital of China is 北京市";
        int start = text.IndexOf('北'), end = text.Length;
        var encoded = tokenizer.Encode(text, addSpecialTokens: true);
        int last = encoded.LastTokenOverlapping(start, end);
        Assert.Equal(encoded.Count - 1, last);
        Assert.Equal("市", encoded.TokenText(last));
        // Three byte-fallback tokens per character, each pointing at its character.
        Assert.Equal(3, encoded.Spans.Count(s => s == new TokenSpan(start, start + 1)));
    }

    [Theory]
    [InlineData("a", "▁a")]
    [InlineData("  a ", "▁a")]
    [InlineData("1", "▁1")]
    public void SingleCharacterTextGivesItsPiece(string text, string piece)
    {
        // sp.vocab lists the pieces in id order; SentencePiece writes a word as "▁" + word.
        string[] pieces = [.. File.ReadLines(Path.Combine(TokenizerFixture.Folder, "sp.vocab")).Select(line => line.Split('\t')[0])];
        int id = Array.IndexOf(pieces, piece);
        var encoded = tokenizer.Encode(text, addSpecialTokens: false);
        if (id >= 0) Assert.Equal([id], encoded.Ids);
        else Assert.Equal([Array.IndexOf(pieces, "▁"), Array.IndexOf(pieces, piece[1..])], encoded.Ids);
        // The last token covers the character and at most the one space before it.
        string last = encoded.TokenText(encoded.Count - 1);
        Assert.Equal(text.Trim(), last.TrimStart());
        Assert.True(last.Length <= 2);
    }

    [Fact]
    public void DecodeInvertsEncodeAndShowsBosOnlyWhenAsked()
    {
        foreach (string text in new[] { "The Empire State Building", "Zürich, Switzerland", "北京市", "emoji 🌍 globe" })
        {
            var ids = tokenizer.Encode(text, addSpecialTokens: true).Ids;
            Assert.Equal(text, tokenizer.Decode(ids));
            Assert.StartsWith("<s>", tokenizer.Decode(ids, skipSpecialTokens: false));
        }
    }
}
