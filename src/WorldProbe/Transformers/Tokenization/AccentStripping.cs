using System.Globalization;
using System.Text;
using ICU4N.Text;

namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// Removes accents the way transformers' uncased BertTokenizer does: canonical decomposition (NFD)
/// and then every non-spacing mark dropped ("Zürich" to "Zurich"). The decomposition comes from
/// ICU4N because WorldProbe runs with InvariantGlobalization, where string.Normalize leaves
/// non-ASCII text unchanged.
/// </summary>
public static class AccentStripping
{
    static readonly Normalizer2 Decomposition = Normalizer2.GetInstance(null, "nfc", Normalizer2Mode.Decompose);

    /// <summary>The canonical decomposition of <paramref name="text"/> (NFD).</summary>
    public static string Decompose(string text) => Decomposition.Normalize(text);

    /// <summary><paramref name="text"/> decomposed, without its non-spacing marks.</summary>
    public static string Strip(string text)
    {
        string decomposed = Decompose(text);
        var stripped = new StringBuilder(decomposed.Length);
        foreach (char c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) stripped.Append(c);
        return stripped.ToString();
    }
}
