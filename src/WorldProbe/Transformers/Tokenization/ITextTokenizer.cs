namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// A model's tokenizer: text to ids with the character span of every token, ids back to text, and
/// the special-token ids a model runner needs. Load one with <see cref="TokenizerLoader.Load"/>.
/// </summary>
public interface ITextTokenizer : IDisposable
{
    /// <summary>
    /// Tokenizes <paramref name="text"/>. With <paramref name="addSpecialTokens"/> the model's own
    /// markers are added the way Hugging Face transformers adds them (BOS for Llama, [CLS]/[SEP] for
    /// BERT, nothing for GPT-2); those markers get empty spans.
    /// </summary>
    TokenizedText Encode(string text, bool addSpecialTokens = true);

    /// <summary>Turns ids back into text; special tokens are left out when <paramref name="skipSpecialTokens"/>.</summary>
    string Decode(IReadOnlyList<int> ids, bool skipSpecialTokens = true);

    /// <summary>The number of ids the tokenizer can produce (the embedding matrix needs at least this many rows).</summary>
    int VocabularySize { get; }

    /// <summary>The ids of the beginning, end, padding, classification, separator and unknown tokens (null where the tokenizer has none).</summary>
    SpecialTokenIds Special { get; }

    /// <summary>The file the tokenizer was loaded from, for messages and run manifests.</summary>
    string SourcePath { get; }

    /// <summary>What kind of tokenizer this is, for messages and run manifests.</summary>
    TokenizerKind Kind { get; }
}
