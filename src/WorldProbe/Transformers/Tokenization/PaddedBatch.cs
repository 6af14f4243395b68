namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// Texts tokenized and right-padded to one length, as BERT-style encoders take them; all arrays are
/// row-major [batch, pos].
/// </summary>
/// <param name="InputIds">Token ids, padding filled with the pad id.</param>
/// <param name="AttentionMask">1 for real tokens, 0 for padding.</param>
/// <param name="TokenTypeIds">Segment ids (all 0 for single texts).</param>
/// <param name="BatchSize">Number of texts.</param>
/// <param name="Length">Tokens per row (the longest text's).</param>
public sealed record PaddedBatch(long[] InputIds, long[] AttentionMask, long[] TokenTypeIds, int BatchSize, int Length)
{
    /// <summary>Tokenizes <paramref name="texts"/> with special tokens and pads on the right with the tokenizer's pad id (0 when it has none).</summary>
    public static PaddedBatch Encode(ITextTokenizer tokenizer, IReadOnlyList<string> texts)
    {
        var rows = texts.Select(t => tokenizer.Encode(t, addSpecialTokens: true).Ids).ToArray();
        int length = rows.Length == 0 ? 0 : rows.Max(r => r.Length);
        long pad = tokenizer.Special.Pad ?? 0;
        var ids = new long[rows.Length * length];
        var mask = new long[rows.Length * length];
        Array.Fill(ids, pad);
        for (int b = 0; b < rows.Length; b++)
            for (int p = 0; p < rows[b].Length; p++)
            {
                ids[b * length + p] = rows[b][p];
                mask[b * length + p] = 1;
            }
        return new PaddedBatch(ids, mask, new long[ids.Length], rows.Length, length);
    }

    /// <summary>Real (non-padding) tokens in the batch.</summary>
    public long TokenCount => AttentionMask.Sum();
}
