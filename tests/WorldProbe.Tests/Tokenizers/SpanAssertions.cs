using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>
/// Checks that token spans point at the characters the tokens spell: spans are in order and inside
/// the text, every visible character is covered, and each run of tokens sharing a span (the bytes of
/// one character) decodes, through the tokenizer library's own decoder, to the text under the span.
/// </summary>
static class SpanAssertions
{
    public static void SpansSpellTokens(ITextTokenizer tokenizer, TokenizedText encoded, Func<string, string> canonical, ISet<int>? skipIds = null)
    {
        string text = encoded.Text;
        Assert.Equal(encoded.Ids.Length, encoded.Spans.Length);
        int previousStart = 0;
        foreach (var span in encoded.Spans)
        {
            Assert.InRange(span.Start, 0, text.Length);
            Assert.InRange(span.End, span.Start, text.Length);
            if (span.IsEmpty) continue;
            Assert.True(span.Start >= previousStart, $"spans out of order in \"{text}\"");
            previousStart = span.Start;
        }

        for (int c = 0; c < text.Length; c++)
        {
            if (char.IsWhiteSpace(text[c])) continue;
            Assert.True(encoded.Spans.Any(s => s.Start <= c && c < s.End), $"character {c} ('{text[c]}') of \"{text}\" is in no token's span");
        }

        for (int i = 0; i < encoded.Count;)
        {
            var span = encoded.Spans[i];
            int j = i + 1;
            while (j < encoded.Count && encoded.Spans[j] == span) j++;
            var group = encoded.Ids[i..j];
            if (!span.IsEmpty && (skipIds is null || !group.Any(skipIds.Contains)))
            {
                string spelled = canonical(tokenizer.Decode(group, skipSpecialTokens: false));
                string under = canonical(text[span.Start..span.End]);
                Assert.True(spelled == under, $"tokens {i}..{j - 1} of \"{text}\" spell \"{spelled}\" but their span [{span.Start},{span.End}) holds \"{under}\"");
            }
            i = j;
        }
    }

    public static string WithoutWhitespace(string s) => new([.. s.Where(c => !char.IsWhiteSpace(c) && c != '▁')]);
}
