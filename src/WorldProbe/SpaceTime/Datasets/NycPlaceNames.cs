namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// The original's conversion of NYC points of interest from upper case to title case: small words
/// (AND, OF, THE, ...) in lower case, known abbreviations (FDNY, NYU, PS, ...) kept, every other word
/// capitalised. Two fixes over the original: the first word is always capitalised ("THE BRONX ZOO" ->
/// "The Bronx Zoo", not "the Bronx Zoo"), and a word's first letter is capitalised even after leading
/// punctuation ("(BRONX)" -> "(Bronx)", not "(bronx)"); digits still count ("1ST" -> "1st").
/// </summary>
public static class NycPlaceNames
{
    static readonly HashSet<string> SmallWords = ["AND", "OR", "OF", "THE", "A", "AT", "&", "IN", "TO"];

    static readonly HashSet<string> Abbreviations =
        ["FDNY", "NYCT", "YMCA", "LGA", "US", "NYC", "PS", "IS", "NYS", "UN", "NY", "EMS", "JCC", "NYU", "CC", "NYPD", "NYPA", "DHS"];

    /// <summary>The title-cased name; words are re-joined with single spaces.</summary>
    public static string TitleCase(string upperCaseName)
    {
        string[] words = upperCaseName.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < words.Length; i++)
        {
            string word = words[i];
            if (SmallWords.Contains(word) && i > 0) words[i] = word.ToLowerInvariant();
            else if (!Abbreviations.Contains(word)) words[i] = Capitalise(word);
        }
        return string.Join(' ', words);
    }

    static string Capitalise(string word)
    {
        char[] chars = word.ToLowerInvariant().ToCharArray();
        // Leading punctuation is skipped, digits are not: "1ST" stays "1st" as in the original.
        int first = Array.FindIndex(chars, char.IsLetterOrDigit);
        if (first >= 0) chars[first] = char.ToUpperInvariant(chars[first]);
        return new string(chars);
    }
}
