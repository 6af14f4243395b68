namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// Maps character positions in a tokenizer's normalized text (lower-cased, accents stripped,
/// spaces turned into '▁', a prefix space added, CJK characters padded with spaces) back to the
/// original text, so that every token's span can be reported in the caller's coordinates.
/// </summary>
/// <remarks>
/// Both texts are folded the same way (whitespace and '▁' to one space, NFD with non-spacing marks
/// removed, lower case) and walked together: equal characters are linked (a space that stands for a
/// run of spaces links to the run's last one, next to the word); a space only in the normalized text
/// was inserted; whitespace or control characters only in the original were removed; any other
/// difference is taken as a one-for-one substitution, so that a normalizer we do not model shifts
/// nothing.
/// </remarks>
public sealed class NormalizedTextAlignment
{
    readonly int[] linkedStart, linkedEnd, anchor;

    NormalizedTextAlignment(int[] linkedStart, int[] linkedEnd, int[] anchor)
    {
        this.linkedStart = linkedStart;
        this.linkedEnd = linkedEnd;
        this.anchor = anchor;
    }

    /// <summary>Aligns <paramref name="normalized"/> (what the tokenizer saw) to <paramref name="original"/> (what the caller passed).</summary>
    public static NormalizedTextAlignment Build(string original, string normalized)
    {
        var foldedOriginal = Fold(original);
        var foldedNormalized = Fold(normalized);
        int n = normalized.Length;
        var linkedStart = new int[n];
        var linkedEnd = new int[n];
        var anchor = new int[n + 1];
        Array.Fill(linkedStart, int.MaxValue);
        Array.Fill(linkedEnd, int.MinValue);
        Array.Fill(anchor, -1);

        int p = 0, q = 0;
        while (q < foldedNormalized.Count)
        {
            var target = foldedNormalized[q];
            int here = p < foldedOriginal.Count ? foldedOriginal[p].Start : original.Length;
            if (anchor[target.Start] < 0) anchor[target.Start] = here;
            bool originalRunContinues = p + 1 < foldedOriginal.Count && foldedOriginal[p + 1].Character == ' ';
            bool normalizedRunEnds = q + 1 >= foldedNormalized.Count || foldedNormalized[q + 1].Character != ' ';
            if (target.Character == ' ' && p < foldedOriginal.Count && foldedOriginal[p].Character == ' ' && originalRunContinues && normalizedRunEnds)
                p++; // a collapsed run of spaces: link the normalized space to the last one, next to the word
            else if (p < foldedOriginal.Count && foldedOriginal[p].Character == target.Character)
            {
                Link(target, foldedOriginal[p]);
                p++; q++;
            }
            else if (target.Character == ' ') q++;
            else if (p < foldedOriginal.Count && foldedOriginal[p].Character == ' ') p++;
            else if (p < foldedOriginal.Count)
            {
                Link(target, foldedOriginal[p]);
                p++; q++;
            }
            else q++;
        }
        // Characters that fold to nothing (a lone combining mark) take the anchor of the next one.
        int next = original.Length;
        anchor[n] = original.Length;
        for (int i = n - 1; i >= 0; i--)
        {
            if (anchor[i] < 0) anchor[i] = next;
            next = anchor[i];
        }
        return new NormalizedTextAlignment(linkedStart, linkedEnd, anchor);

        void Link(FoldedCharacter normalizedCharacter, FoldedCharacter originalCharacter)
        {
            for (int i = normalizedCharacter.Start; i < normalizedCharacter.End; i++)
            {
                linkedStart[i] = Math.Min(linkedStart[i], originalCharacter.Start);
                linkedEnd[i] = Math.Max(linkedEnd[i], originalCharacter.End);
            }
        }
    }

    /// <summary>The original characters behind normalized characters [<paramref name="start"/>, <paramref name="end"/>).</summary>
    public TokenSpan Map(int start, int end)
    {
        int n = linkedStart.Length;
        start = Math.Clamp(start, 0, n);
        end = Math.Clamp(end, start, n);
        int lo = int.MaxValue, hi = int.MinValue;
        for (int i = start; i < end; i++)
        {
            if (linkedStart[i] == int.MaxValue) continue;
            lo = Math.Min(lo, linkedStart[i]);
            hi = Math.Max(hi, linkedEnd[i]);
        }
        if (lo == int.MaxValue) return new TokenSpan(anchor[start], anchor[start]);
        return new TokenSpan(lo, hi);
    }

    readonly record struct FoldedCharacter(char Character, int Start, int End);

    static List<FoldedCharacter> Fold(string text)
    {
        var folded = new List<FoldedCharacter>(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                folded.Add(new FoldedCharacter(c, i, i + 2));
                folded.Add(new FoldedCharacter(text[i + 1], i, i + 2));
                i++;
                continue;
            }
            if (c == '▁' || char.IsWhiteSpace(c))
            {
                folded.Add(new FoldedCharacter(' ', i, i + 1));
                continue;
            }
            if (char.IsControl(c)) continue;
            foreach (char d in AccentStripping.Strip(c.ToString()))
                folded.Add(new FoldedCharacter(char.ToLowerInvariant(d), i, i + 1));
        }
        return folded;
    }
}
