using Microsoft.ML.Tokenizers;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// A BERT WordPiece vocab.txt run by Microsoft.ML.Tokenizers' BertTokenizer, configured like
/// transformers' BertTokenizer from tokenizer_config.json (lower case and accent stripping for
/// uncased models, CJK characters split); special tokens are [CLS] text [SEP].
/// </summary>
/// <remarks>
/// Two steps happen here rather than in the library, so that ids match transformers: accents are
/// stripped with <see cref="AccentStripping"/> (the library's own stripping relies on
/// string.Normalize, a no-op under InvariantGlobalization), and each character outside the Basic
/// Multilingual Plane (an emoji) is replaced by two copies of a letter the vocabulary lacks, because
/// the library's pre-tokenizer drops surrogate pairs while transformers keeps them in their word,
/// which then becomes [UNK]. The replacement keeps the text's length, so spans stay exact.
/// </remarks>
public sealed class WordPieceVocabTokenizer : ITextTokenizer
{
    readonly BertTokenizer model;
    readonly bool stripAccents;
    readonly char unknownLetter;

    /// <summary>Loads <paramref name="path"/> (one token per line; the line number is the id).</summary>
    public WordPieceVocabTokenizer(string path, TokenizerConfigFile config)
    {
        SourcePath = path;
        bool lowerCase = config.DoLowerCase ?? true;
        // transformers strips accents whenever it lower-cases, unless strip_accents says otherwise.
        stripAccents = config.StripAccents ?? lowerCase;
        var options = new BertOptions
        {
            LowerCaseBeforeTokenization = lowerCase,
            IndividuallyTokenizeCjk = config.TokenizeChineseChars ?? true,
        };
        if (config.UnkToken is not null) options.UnknownToken = config.UnkToken;
        if (config.ClsToken is not null) options.ClassificationToken = config.ClsToken;
        if (config.SepToken is not null) options.SeparatorToken = config.SepToken;
        if (config.PadToken is not null) options.PaddingToken = config.PadToken;
        try { model = BertTokenizer.Create(path, options); }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException)
        {
            throw new WorldProbeException($"{path}: not a WordPiece vocabulary Microsoft.ML.Tokenizers can use ({e.Message}); restore vocab.txt from the model's repository.", e);
        }
        string[] lines = File.ReadAllLines(path);
        var tokens = lines.ToHashSet(StringComparer.Ordinal);
        VocabularySize = lines.Length;
        unknownLetter = UnknownLetterCandidates.FirstOrDefault(c => !tokens.Contains(c.ToString()) && !tokens.Contains("##" + c));
        if (unknownLetter == default)
            throw new WorldProbeException($"{path}: every placeholder letter for non-BMP characters is in the vocabulary; this vocab.txt is not supported.");
        Special = new SpecialTokenIds(
            Bos: null,
            Eos: null,
            Pad: model.PaddingTokenId,
            Cls: model.ClassificationTokenId,
            Sep: model.SeparatorTokenId,
            Unk: model.UnknownTokenId);
    }

    /// <inheritdoc/>
    public int VocabularySize { get; }
    /// <inheritdoc/>
    public SpecialTokenIds Special { get; }
    /// <inheritdoc/>
    public string SourcePath { get; }
    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.WordPiece;

    /// <inheritdoc/>
    public TokenizedText Encode(string text, bool addSpecialTokens = true)
    {
        // Offsets come back in the normalized (lower-cased, accent-stripped, CJK-padded) text.
        string prepared = Prepare(text);
        var tokens = model.EncodeToTokens(prepared, out string? normalized);
        var alignment = NormalizedTextAlignment.Build(text, normalized ?? prepared);
        var ids = new List<int>(tokens.Count + 2);
        var spans = new List<TokenSpan>(tokens.Count + 2);
        if (addSpecialTokens) { ids.Add(model.ClassificationTokenId); spans.Add(new TokenSpan(0, 0)); }
        foreach (var token in tokens)
        {
            var (start, length) = token.Offset.GetOffsetAndLength((normalized ?? prepared).Length);
            ids.Add(token.Id);
            spans.Add(alignment.Map(start, start + length));
        }
        if (addSpecialTokens) { ids.Add(model.SeparatorTokenId); spans.Add(new TokenSpan(0, 0)); }
        return new TokenizedText(text, [.. ids], [.. spans]);
    }

    // Letters (so they stay inside their word) with no case, no decomposition and no CJK treatment.
    static readonly char[] UnknownLetterCandidates = ['\uA66E', '\uA4D0', '\u16A0', '\u1401'];

    string Prepare(string text)
    {
        string prepared = stripAccents ? AccentStripping.Strip(text) : text;
        if (!prepared.Any(char.IsSurrogate)) return prepared;
        var replaced = prepared.ToCharArray();
        for (int i = 0; i < replaced.Length; i++)
            if (char.IsSurrogate(replaced[i])) replaced[i] = unknownLetter;
        return new string(replaced);
    }

    /// <inheritdoc/>
    public string Decode(IReadOnlyList<int> ids, bool skipSpecialTokens = true) =>
        model.Decode(ids, skipSpecialTokens);

    /// <inheritdoc/>
    public void Dispose() { }
}
