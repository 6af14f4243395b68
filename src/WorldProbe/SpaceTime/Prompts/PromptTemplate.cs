namespace WorldProbe.SpaceTime.Prompts;

/// <summary>
/// One named prompt of the paper: text = <see cref="Prefix"/> + entity (+ final period) + <see cref="Suffix"/>.
/// The extractor puts BOS in front (and, for <see cref="RandomPrefixTokens"/> &gt; 0, that many random
/// token ids between BOS and the text) and adds no other special tokens.
/// </summary>
/// <param name="Name">The name used on the command line and in run manifests.</param>
/// <param name="Prefix">Text before the entity.</param>
/// <param name="Suffix">Text after the entity (and after the final period, if any).</param>
/// <param name="UpperCaseEntity">True for the *_all_caps prompts: the entity is upper-cased.</param>
/// <param name="RandomPrefixTokens">Random token ids the extractor prepends after BOS (10 for "random", else 0).</param>
/// <param name="Punctuation">Whether a final period is added and probed.</param>
/// <param name="Description">Where the prompt comes from, for listings.</param>
public sealed record PromptTemplate(
    string Name,
    string Prefix,
    string Suffix,
    bool UpperCaseEntity,
    int RandomPrefixTokens,
    FinalPunctuation Punctuation,
    string Description);
