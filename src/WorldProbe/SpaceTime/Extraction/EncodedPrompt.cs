using WorldProbe.SpaceTime.Prompts;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.SpaceTime.Extraction;

/// <summary>
/// A rendered prompt as the model sees it: BOS (or [CLS] for BERT-style tokenizers), the random
/// prefix ids when the prompt has them, then the prompt text's tokens, and no other special tokens;
/// plus the index of the probed token in that sequence.
/// </summary>
/// <param name="Ids">Token ids of the whole sequence.</param>
/// <param name="ProbedIndex">Index in <see cref="Ids"/> of the token the probe reads.</param>
public sealed record EncodedPrompt(long[] Ids, int ProbedIndex)
{
    /// <summary>
    /// Tokenizes <paramref name="prompt"/> with <paramref name="tokenizer"/> and locates its probed
    /// token from the tokenizer's character offsets (<see cref="PromptTokenSpans.ProbedToken"/>), so it
    /// is right even when the entity's first token merges with the prompt's last characters.
    /// </summary>
    public static EncodedPrompt Encode(ITextTokenizer tokenizer, RenderedPrompt prompt)
    {
        var text = tokenizer.Encode(prompt.Text, addSpecialTokens: false);
        int? start = tokenizer.Special.Bos ?? tokenizer.Special.Cls;
        var ids = new List<long>(text.Count + prompt.RandomPrefixTokens + 1);
        if (start is int bos) ids.Add(bos);
        if (prompt.RandomPrefixTokens > 0)
        {
            ulong seed = prompt.RandomPrefixSeed
                ?? throw new WorldProbeException($"prompt {prompt.Prompt} for entity {prompt.EntityId}: random prefix without a seed.");
            ids.AddRange(RandomPrefix.Draw(seed, prompt.RandomPrefixTokens, RandomPrefix.LowestId, tokenizer.VocabularySize).Select(i => (long)i));
        }
        int offset = ids.Count;
        ids.AddRange(text.Ids.Select(i => (long)i));
        if (text.Count == 0)
            throw new WorldProbeException($"entity {prompt.EntityId}: prompt \"{prompt.Text}\" tokenizes to nothing; the row's text is empty.");
        return new EncodedPrompt(ids.ToArray(), offset + PromptTokenSpans.ProbedToken(prompt, text.Offsets));
    }
}
