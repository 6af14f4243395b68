namespace WorldProbe.SpaceTime.Prompts;

/// <summary>
/// Maps a rendered prompt's character positions to tokens, given the tokenizer's character offsets of
/// the prompt text's tokens (BOS and random prefix ids excluded; offsets may include a token's leading
/// space, as SentencePiece's "▁" and GPT-2's "Ġ" tokens do).
/// </summary>
public static class PromptTokenSpans
{
    /// <summary>
    /// Index of the probed token: the token whose [Start, End) holds <see cref="RenderedPrompt.ProbedChar"/>
    /// (the entity's last character, or the final period). A character that no token covers (a zero-width
    /// byte-fallback piece) falls back to the last token starting at or before it.
    /// </summary>
    /// <param name="prompt">The rendered prompt.</param>
    /// <param name="offsets">Character offsets of the text's tokens, in order. // [tokens]</param>
    public static int ProbedToken(RenderedPrompt prompt, IReadOnlyList<(int Start, int End)> offsets)
    {
        int c = prompt.ProbedChar;
        int covering = -1, fallback = -1;
        for (int i = 0; i < offsets.Count; i++)
        {
            // Byte-fallback pieces of one character share its span: the last of them completes it.
            if (offsets[i].Start <= c && c < offsets[i].End) covering = i;
            if (offsets[i].Start <= c) fallback = i;
        }
        if (covering >= 0) return covering;
        return fallback >= 0 ? fallback : throw new WorldProbeException(
            $"prompt \"{prompt.Text}\": no token covers character {c}; the token offsets must describe the prompt text itself.");
    }

    /// <summary>
    /// The tokens that overlap the entity span, as [First, Last] (inclusive): what the original called the
    /// entity mask. A token counts when its non-space characters overlap [EntityStart, EntityEnd).
    /// </summary>
    public static (int First, int Last) EntityTokens(RenderedPrompt prompt, IReadOnlyList<(int Start, int End)> offsets)
    {
        int first = -1, last = -1;
        for (int i = 0; i < offsets.Count; i++)
        {
            int start = offsets[i].Start;
            while (start < offsets[i].End && start < prompt.Text.Length && char.IsWhiteSpace(prompt.Text[start])) start++;
            bool overlaps = start < prompt.EntityEnd && offsets[i].End > prompt.EntityStart && start < offsets[i].End;
            if (!overlaps) continue;
            if (first < 0) first = i;
            last = i;
        }
        return first >= 0 ? (first, last) : throw new WorldProbeException(
            $"prompt \"{prompt.Text}\": no token overlaps the entity [{prompt.EntityStart}, {prompt.EntityEnd}).");
    }
}
