using System.Text;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// Recovers token spans from what each token spells: the UTF-8 bytes of all tokens, in order, are
/// the tokenizer's normalized text. Byte tokens that together make one character all get that
/// character; the normalized text is then aligned to the caller's text.
/// </summary>
public static class TokenSurfaces
{
    /// <summary>
    /// Spans in <paramref name="original"/> for tokens whose UTF-8 surfaces are <paramref name="surfaces"/>;
    /// a null surface marks a token the tokenizer added (it gets the empty span at 0).
    /// </summary>
    public static TokenSpan[] Align(string original, IReadOnlyList<byte[]?> surfaces)
    {
        var bytes = new List<byte>();
        var byteRanges = new (int Start, int End)[surfaces.Count];
        for (int t = 0; t < surfaces.Count; t++)
        {
            int start = bytes.Count;
            if (surfaces[t] is { } surface) bytes.AddRange(surface);
            byteRanges[t] = (start, bytes.Count);
        }

        // [byte] -> the characters of the decoded text that byte belongs to
        var charStart = new int[bytes.Count + 1];
        var charEnd = new int[bytes.Count + 1];
        var normalized = new StringBuilder();
        ReadOnlySpan<byte> all = bytes.ToArray();
        for (int position = 0; position < all.Length;)
        {
            if (Rune.DecodeFromUtf8(all[position..], out Rune rune, out int consumed) != System.Buffers.OperationStatus.Done)
                rune = Rune.ReplacementChar;
            consumed = Math.Max(consumed, 1);
            int first = normalized.Length;
            normalized.Append(rune.ToString());
            for (int b = position; b < position + consumed && b < all.Length; b++)
            {
                charStart[b] = first;
                charEnd[b] = normalized.Length;
            }
            position += consumed;
        }
        charStart[all.Length] = charEnd[all.Length] = normalized.Length;

        var alignment = NormalizedTextAlignment.Build(original, normalized.ToString());
        var spans = new TokenSpan[surfaces.Count];
        for (int t = 0; t < surfaces.Count; t++)
        {
            if (surfaces[t] is null) { spans[t] = new TokenSpan(0, 0); continue; }
            var (start, end) = byteRanges[t];
            spans[t] = end > start
                ? alignment.Map(charStart[start], charEnd[end - 1])
                : alignment.Map(charStart[start], charStart[start]);
        }
        return spans;
    }

    /// <summary>
    /// The UTF-8 bytes a SentencePiece-style piece spells: '▁' is a space and, with byte fallback,
    /// "&lt;0xNN&gt;" is the byte NN.
    /// </summary>
    public static byte[] FromSentencePiece(string piece, bool byteFallback)
    {
        if (byteFallback && piece.Length == 6 && piece.StartsWith("<0x", StringComparison.Ordinal) && piece[5] == '>'
            && byte.TryParse(piece.AsSpan(3, 2), System.Globalization.NumberStyles.HexNumber, null, out byte value))
            return [value];
        return Encoding.UTF8.GetBytes(piece.Replace('▁', ' '));
    }
}
