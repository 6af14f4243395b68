namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// The entity text of a song, movie or book, as the original built it: "{creator}'s {title}", or
/// "{creator}' {title}" when the creator's name ends in a lower-case 's' ("Guns N' Roses' ...").
/// </summary>
public static class ArtNames
{
    /// <summary>The possessive entity text.</summary>
    public static string Possessive(string creator, string title) =>
        $"{creator}{(creator.EndsWith('s') ? "'" : "'s")} {title}";
}
