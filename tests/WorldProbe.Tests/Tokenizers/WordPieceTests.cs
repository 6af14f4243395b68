using System.Text;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>BERT WordPiece (bert-base-uncased's vocab.txt, as all-MiniLM-L6-v2 ships it) against published ids.</summary>
public sealed class WordPieceTests : IDisposable
{
    readonly string folder = Directory.CreateTempSubdirectory("worldprobe-wordpiece-").FullName;
    readonly ITextTokenizer tokenizer;
    readonly string[] vocabulary;

    public WordPieceTests()
    {
        using (var source = MiniLmPackage.OpenVocabulary())
        using (var target = File.Create(Path.Combine(folder, "vocab.txt")))
            source.CopyTo(target);
        vocabulary = File.ReadAllLines(Path.Combine(folder, "vocab.txt"));
        tokenizer = TokenizerLoader.Load(folder);
    }

    public void Dispose()
    {
        tokenizer.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    public static IEnumerable<object[]> Indices => TokenizerFixture.Indices;

    [Fact]
    public void SpecialTokenIdsAreBertBaseUncased()
    {
        Assert.Equal(TokenizerKind.WordPiece, tokenizer.Kind);
        Assert.Equal(30522, tokenizer.VocabularySize);
        Assert.Equal(new SpecialTokenIds(Bos: null, Eos: null, Pad: 0, Cls: 101, Sep: 102, Unk: 100), tokenizer.Special);
    }

    [Fact]
    public void IdsMatchTheHuggingFaceCourseExample()
    {
        // Hugging Face NLP course, chapter 2 ("Behind the pipeline"), distilbert-base-uncased (the same vocabulary).
        var encoded = tokenizer.Encode("I've been waiting for a HuggingFace course my whole life.", addSpecialTokens: true);
        Assert.Equal([101, 1045, 1005, 2310, 2042, 3403, 2005, 1037, 17662, 12172, 2607, 2026, 2878, 2166, 1012, 102], encoded.Ids);
        Assert.True(encoded.Spans[0].IsEmpty && encoded.Spans[^1].IsEmpty);
        Assert.Equal("HuggingFace", encoded.TokenText(8) + encoded.TokenText(9));
    }

    [Fact]
    public void UncasedTokenizerLowerCasesAndStripsAccentsButSpansKeepTheOriginal()
    {
        const string text = "Zürich and KRAKÓW";
        var encoded = tokenizer.Encode(text, addSpecialTokens: false);
        // transformers' uncased BertTokenizer: lower case, NFD, drop combining marks.
        Assert.Equal("zurich", vocabulary[encoded.Ids[0]]);
        Assert.Equal("Zürich", encoded.TokenText(0));
        int start = text.IndexOf("KRAKÓW", StringComparison.Ordinal);
        int last = encoded.LastTokenOverlapping(start, text.Length);
        Assert.Equal(encoded.Count - 1, last);
        Assert.Equal(text.Length, encoded.Spans[last].End);
        string pieces = string.Concat(encoded.Ids[encoded.FirstTokenOverlapping(start, text.Length)..].Select(id => vocabulary[id].Replace("##", "")));
        Assert.Equal("krakow", pieces);
    }

    [Theory, MemberData(nameof(Indices))]
    public void SpansSpellTheirTokens(int index)
    {
        var encoded = tokenizer.Encode(TokenizerFixture.Strings[index], addSpecialTokens: true);
        SpanAssertions.SpansSpellTokens(tokenizer, encoded, Canonical, skipIds: new HashSet<int> { 100 });
    }

    [Fact]
    public void SpecialTokensWrapTheTextInClsAndSep()
    {
        foreach (string text in TokenizerFixture.Strings)
            Assert.Equal([101, .. tokenizer.Encode(text, addSpecialTokens: false).Ids, 102], tokenizer.Encode(text, addSpecialTokens: true).Ids);
    }

    [Fact]
    public void CharacterOutsideTheBasicPlaneBecomesUnknownAsInTransformers()
    {
        // transformers' BasicTokenizer keeps the emoji as a word of its own, which WordPiece cannot
        // spell: one [UNK] covering the emoji's two UTF-16 units.
        const string text = "emoji 🌍 globe";
        var encoded = tokenizer.Encode(text, addSpecialTokens: false);
        int unknown = Array.IndexOf(encoded.Ids, 100);
        Assert.True(unknown > 0);
        Assert.Equal(new TokenSpan(6, 8), encoded.Spans[unknown]);
        Assert.Equal("globe", encoded.TokenText(unknown + 1));
        Assert.Single(encoded.Ids, 100);
    }

    [Fact]
    public void DecodeGivesTheNormalizedWordsAndSpecialTokensOnlyWhenAsked()
    {
        var ids = tokenizer.Encode("Kraków is in Poland.", addSpecialTokens: true).Ids;
        Assert.Equal("krakow is in poland.", tokenizer.Decode(ids));
        Assert.Equal("[CLS] krakow is in poland. [SEP]", tokenizer.Decode(ids, skipSpecialTokens: false));
    }

    // Decoded WordPiece text is lower case, accent-free, without "##" and with spaces between words.
    static string Canonical(string s)
    {
        var folded = new StringBuilder();
        foreach (char c in AccentStripping.Strip(s.Replace("##", "")))
            if (!char.IsWhiteSpace(c)) folded.Append(char.ToLowerInvariant(c));
        return folded.ToString();
    }
}
