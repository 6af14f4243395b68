namespace WorldProbe.Transformers.Tokenization;

/// <summary>Which file and library a tokenizer came from.</summary>
public enum TokenizerKind
{
    /// <summary>A Hugging Face tokenizer.json run by the Rust tokenizers library (Tokenizers.DotNet).</summary>
    HuggingFaceJson,
    /// <summary>A SentencePiece tokenizer.model run by Microsoft.ML.Tokenizers.</summary>
    SentencePiece,
    /// <summary>A BERT WordPiece vocab.txt run by Microsoft.ML.Tokenizers.</summary>
    WordPiece,
}
