using Microsoft.ML.Tokenizers;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// A SentencePiece tokenizer.model (Llama 1/2, Mistral) run by Microsoft.ML.Tokenizers. With special
/// tokens it adds BOS (and EOS) as tokenizer_config.json says, defaulting to Llama's BOS only.
/// </summary>
public sealed class SentencePieceModelTokenizer : ITextTokenizer
{
    readonly SentencePieceTokenizer model;
    readonly bool addBos, addEos;

    /// <summary>Loads <paramref name="path"/> (a SentencePiece model protobuf).</summary>
    public SentencePieceModelTokenizer(string path, TokenizerConfigFile config)
    {
        SourcePath = path;
        try
        {
            using var stream = File.OpenRead(path);
            model = SentencePieceTokenizer.Create(stream, addBeginningOfSentence: false, addEndOfSentence: false);
        }
        catch (Exception e) when (e is not WorldProbeException and not IOException)
        {
            throw new WorldProbeException($"{path}: not a SentencePiece model Microsoft.ML.Tokenizers can read ({e.Message}); restore tokenizer.model from the model's repository.", e);
        }
        addBos = config.AddBosToken ?? true;
        addEos = config.AddEosToken ?? false;
        int? Id(string? token) => token is not null && model.Vocabulary.TryGetValue(token, out int id) ? id : null;
        Special = new SpecialTokenIds(
            Bos: model.BeginningOfSentenceId,
            Eos: model.EndOfSentenceId,
            Pad: Id(config.PadToken),
            Cls: null,
            Sep: null,
            Unk: model.UnknownId);
    }

    /// <inheritdoc/>
    public int VocabularySize => model.Vocabulary.Count == 0 ? 0 : model.Vocabulary.Values.Max() + 1;
    /// <inheritdoc/>
    public SpecialTokenIds Special { get; }
    /// <inheritdoc/>
    public string SourcePath { get; }
    /// <inheritdoc/>
    public TokenizerKind Kind => TokenizerKind.SentencePiece;

    /// <inheritdoc/>
    public TokenizedText Encode(string text, bool addSpecialTokens = true)
    {
        // BOS/EOS are added here: the library adds none to an empty text, LlamaTokenizer still adds BOS.
        var tokens = model.EncodeToTokens(text, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        if (tokens.Count == 0 && !string.IsNullOrWhiteSpace(text)) tokens = EncodeSingleCharacter(text);
        var ids = new List<int>(tokens.Count + 2);
        var surfaces = new List<byte[]?>(tokens.Count + 2);
        if (addSpecialTokens && addBos) { ids.Add(model.BeginningOfSentenceId); surfaces.Add(null); }
        foreach (var token in tokens)
        {
            ids.Add(token.Id);
            surfaces.Add(TokenSurfaces.FromSentencePiece(token.Value, model.ByteFallback));
        }
        if (addSpecialTokens && addEos) { ids.Add(model.EndOfSentenceId); surfaces.Add(null); }
        return new TokenizedText(text, [.. ids], TokenSurfaces.Align(text, surfaces));
    }

    // Microsoft.ML.Tokenizers 2.0.1 returns no tokens for a text holding one character ("a", " 1 ").
    // Pieces never cross a word boundary (SentencePiece splits on whitespace), so the word written
    // twice encodes to its tokens twice; the halves are compared to prove it.
    IReadOnlyList<EncodedToken> EncodeSingleCharacter(string text)
    {
        string word = text.Trim();
        var doubled = model.EncodeToTokens(word + " " + word, out _, addBeginningOfSentence: false, addEndOfSentence: false);
        int half = doubled.Count / 2;
        bool halvesEqual = doubled.Count % 2 == 0 && Enumerable.Range(0, half).All(i => doubled[i].Id == doubled[half + i].Id);
        if (!halvesEqual)
            throw new WorldProbeException($"{SourcePath}: Microsoft.ML.Tokenizers gives no tokens for \"{text}\" and the workaround does not apply to this model; use the model's tokenizer.json instead.");
        return [.. doubled.Take(half)];
    }

    /// <inheritdoc/>
    public string Decode(IReadOnlyList<int> ids, bool skipSpecialTokens = true) =>
        model.Decode(ids, considerSpecialTokens: !skipSpecialTokens);

    /// <inheritdoc/>
    public void Dispose() { }
}
