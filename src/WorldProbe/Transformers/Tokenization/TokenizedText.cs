namespace WorldProbe.Transformers.Tokenization;

/// <summary>A tokenized text: the ids and, for each id, the characters of <see cref="Text"/> it covers.</summary>
/// <param name="Text">The input text.</param>
/// <param name="Ids">Token ids, in order.</param>
/// <param name="Spans">One span per id (empty for added special tokens).</param>
public sealed record TokenizedText(string Text, int[] Ids, TokenSpan[] Spans)
{
    /// <summary>Number of tokens.</summary>
    public int Count => Ids.Length;

    /// <summary>
    /// The index of the last token that covers any character of [<paramref name="start"/>, <paramref name="end"/>),
    /// or -1. This finds an entity's last token even when BPE merged its first characters with the
    /// text before it (" Paris" is one token whose span starts at the space).
    /// </summary>
    public int LastTokenOverlapping(int start, int end)
    {
        for (int i = Ids.Length - 1; i >= 0; i--)
            if (Spans[i].Overlaps(start, end)) return i;
        return -1;
    }

    /// <summary>The index of the first token that covers any character of [<paramref name="start"/>, <paramref name="end"/>), or -1.</summary>
    public int FirstTokenOverlapping(int start, int end)
    {
        for (int i = 0; i < Ids.Length; i++)
            if (Spans[i].Overlaps(start, end)) return i;
        return -1;
    }

    /// <summary>The spans as (Start, End) pairs, the form PromptTokenSpans takes. // [tokens]</summary>
    public (int Start, int End)[] Offsets => [.. Spans.Select(s => (s.Start, s.End))];

    /// <summary>The characters token <paramref name="index"/> covers.</summary>
    public string TokenText(int index) => Text[Spans[index].Start..Spans[index].End];
}
