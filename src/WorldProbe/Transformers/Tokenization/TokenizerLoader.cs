namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// Loads a model folder's tokenizer by what the folder holds: tokenizer.json (Hugging Face's
/// Rust tokenizers, what transformers' fast tokenizers run), else tokenizer.model (SentencePiece),
/// else vocab.txt (BERT WordPiece). tokenizer_config.json, when present, names the special tokens.
/// </summary>
public static class TokenizerLoader
{
    /// <summary>
    /// Loads the tokenizer in <paramref name="folder"/>. Two exceptions to "tokenizer.json first":
    /// a WordPiece tokenizer.json beside a vocab.txt uses the vocab.txt (spans need the BERT
    /// normalizer that Microsoft.ML.Tokenizers reports), and a tokenizer.json with fewer tokens than
    /// the tokenizer.model beside it (a broken conversion: it cannot give the model's ids) uses the
    /// tokenizer.model.
    /// </summary>
    public static ITextTokenizer Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new WorldProbeException($"{folder}: no such folder; pass a model folder holding tokenizer.json, tokenizer.model or vocab.txt.");
        var config = TokenizerConfigFile.Read(folder);
        string json = Path.Combine(folder, "tokenizer.json");
        string sentencePiece = Path.Combine(folder, "tokenizer.model");
        string vocab = Path.Combine(folder, "vocab.txt");

        if (File.Exists(json))
        {
            var file = TokenizerJsonFile.Read(json);
            if (file.ModelType == "WordPiece" && File.Exists(vocab)) return new WordPieceVocabTokenizer(vocab, config);
            if (File.Exists(sentencePiece))
            {
                var fallback = new SentencePieceModelTokenizer(sentencePiece, config);
                if (file.VocabularySize < fallback.VocabularySize) return fallback;
                fallback.Dispose();
            }
            if (file.ModelType == "WordPiece")
                throw new WorldProbeException($"{json}: a WordPiece tokenizer.json without vocab.txt beside it is not supported; add the model's vocab.txt to {folder}.");
            return new HuggingFaceJsonTokenizer(json, config);
        }
        if (File.Exists(sentencePiece)) return new SentencePieceModelTokenizer(sentencePiece, config);
        if (File.Exists(vocab)) return new WordPieceVocabTokenizer(vocab, config);
        throw new WorldProbeException($"{folder}: no tokenizer.json, tokenizer.model or vocab.txt; copy the tokenizer files from the model's repository into this folder.");
    }
}
