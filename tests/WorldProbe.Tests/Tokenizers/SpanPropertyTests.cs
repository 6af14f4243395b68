using CsCheck;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>Spans spell their tokens for random texts mixing scripts, accents, emoji, digits and odd whitespace.</summary>
public sealed class SpanPropertyTests
{
    static readonly string[] Pieces =
    [
        "Paris", " ", "  ", "\t", "\n", "ü", "São", "Kraków", "北京", "市", "🌍", "Москва", "1809", "-", "?", "(",
        "the", "The", "of", "ALL", "é", "a", "x", ".", "ﬁ", "Å",
    ];

    static readonly Gen<string> Texts = Gen.Int[0, Pieces.Length - 1].Array[0, 10]
        .Select(indices => string.Concat(indices.Select(i => Pieces[i])));

    [Fact]
    public void ByteLevelBpeSpansSpellTheirTokens()
    {
        using var tokenizer = TokenizerLoader.Load(Path.Combine(TokenizerFixture.Folder, "gpt2_bpe"));
        Texts.Sample(text => SpanAssertions.SpansSpellTokens(tokenizer, tokenizer.Encode(text, addSpecialTokens: true), s => s), iter: 300);
    }

    [Fact]
    public void SentencePieceSpansSpellTheirTokens()
    {
        using var tokenizer = TokenizerLoader.Load(Path.Combine(TokenizerFixture.Folder, "llama_sp"));
        Texts.Sample(text => SpanAssertions.SpansSpellTokens(tokenizer, tokenizer.Encode(text, addSpecialTokens: true), SpanAssertions.WithoutWhitespace), iter: 300);
    }

    [Fact]
    public void LlamaTokenizerJsonSpansSpellTheirTokens()
    {
        using var tokenizer = TokenizerLoader.Load(Path.Combine(TokenizerFixture.Folder, "llama_json"));
        Texts.Sample(text => SpanAssertions.SpansSpellTokens(tokenizer, tokenizer.Encode(text, addSpecialTokens: true), SpanAssertions.WithoutWhitespace), iter: 300);
    }

    [Fact]
    public void WordPieceSpansCoverTheTextInOrder()
    {
        string folder = Directory.CreateTempSubdirectory("worldprobe-wordpiece-").FullName;
        try
        {
            using (var source = MiniLmPackage.OpenVocabulary())
            using (var target = File.Create(Path.Combine(folder, "vocab.txt")))
                source.CopyTo(target);
            using var tokenizer = TokenizerLoader.Load(folder);
            Texts.Sample(text => SpanAssertions.SpansSpellTokens(tokenizer, tokenizer.Encode(text, addSpecialTokens: true),
                s => SpanAssertions.WithoutWhitespace(AccentStripping.Strip(s.Replace("##", "")).ToLowerInvariant()),
                skipIds: new HashSet<int> { 100 }), iter: 300);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
