namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// The characters of the input text a token stands for: [<paramref name="Start"/>, <paramref name="End"/>)
/// in UTF-16 code units. Tokens that cover part of a character (byte fallback, byte-level BPE) get
/// the whole character; tokens added by the tokenizer (BOS, [CLS], a SentencePiece prefix space) are empty.
/// </summary>
/// <param name="Start">First character, inclusive.</param>
/// <param name="End">Last character, exclusive.</param>
public readonly record struct TokenSpan(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the token covers no character of the input.</summary>
    public bool IsEmpty => End <= Start;

    /// <summary>True when the token shares at least one character with [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public bool Overlaps(int start, int end) => !IsEmpty && Start < end && start < End;
}
