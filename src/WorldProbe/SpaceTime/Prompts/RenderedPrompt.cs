namespace WorldProbe.SpaceTime.Prompts;

/// <summary>
/// A prompt rendered for one entity, with the entity's character span in <see cref="Text"/> so that an
/// extractor can find the probed token with any tokenizer's offsets: the token holding character
/// <see cref="ProbeCharIndex"/>, or when that is null the token holding character EntityEnd - 1 (the
/// entity's last token).
/// </summary>
/// <param name="EntityId">The entity's id in its dataset.</param>
/// <param name="Prompt">The template's name.</param>
/// <param name="Text">The prompt text (without BOS or random prefix tokens).</param>
/// <param name="EntityStart">Index of the entity's first character in <see cref="Text"/>.</param>
/// <param name="EntityEnd">Index just past the entity's last character: Text[EntityStart..EntityEnd] is the entity.</param>
/// <param name="ProbeCharIndex">The character whose token is probed (the final period), or null for the entity's last token.</param>
/// <param name="RandomPrefixTokens">How many random token ids the extractor puts between BOS and the text.</param>
/// <param name="RandomPrefixSeed">Seed for those ids (<see cref="RandomPrefix.Draw"/>), or null when there are none.</param>
public sealed record RenderedPrompt(
    int EntityId,
    string Prompt,
    string Text,
    int EntityStart,
    int EntityEnd,
    int? ProbeCharIndex,
    int RandomPrefixTokens,
    ulong? RandomPrefixSeed)
{
    /// <summary>The entity text as it appears in the prompt.</summary>
    public string EntityText => Text[EntityStart..EntityEnd];

    /// <summary>The character whose token the probe reads: <see cref="ProbeCharIndex"/> or the entity's last character.</summary>
    public int ProbedChar => ProbeCharIndex ?? EntityEnd - 1;
}
