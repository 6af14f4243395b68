namespace WorldProbe.SpaceTime.Prompts;

/// <summary>Whether a prompt ends the entity with sentence punctuation that the probe reads.</summary>
public enum FinalPunctuation
{
    /// <summary>Nothing added: the probe reads the entity's last token.</summary>
    None,
    /// <summary>
    /// A period follows the entity and the probe reads it (the headline "with period" prompts). An entity
    /// that already ends in '?' or '!' gets no period; the probe reads that mark.
    /// </summary>
    Period,
}
