using System.Text;

namespace WorldProbe.SpaceTime.Datasets;

/// <summary>
/// Repairs Pantheon text that was read as ISO-8859-1 but is in fact in another encoding. The file is
/// GBK (code page 936): "Andr¨¦" is the GBK bytes A8 A6 of "é" shown as Latin-1. UTF-8 read as Latin-1
/// ("AndrÃ©") is repaired too. GB2312 has only lower-case accented Latin letters, so a word-initial
/// lower-case accented letter is restored to upper case ("émile Zola" -> "Émile Zola"; "Thomas à Kempis"
/// keeps its one-letter "à"). Letters GBK lacks were replaced by '?' upstream and cannot be recovered.
/// </summary>
public static class PantheonText
{
    static readonly Encoding Latin1 = Encoding.Latin1;
    static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    static readonly Encoding Gbk = CreateGbk();

    static Encoding CreateGbk()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }

    /// <summary>How a piece of text was decoded.</summary>
    public enum Decoding
    {
        /// <summary>Plain ASCII: nothing to repair.</summary>
        Ascii,
        /// <summary>UTF-8 bytes that had been read as Latin-1.</summary>
        Utf8,
        /// <summary>GBK bytes that had been read as Latin-1.</summary>
        Gbk,
        /// <summary>Non-ASCII Latin-1 text that is neither valid UTF-8 nor GBK: kept as Latin-1.</summary>
        Latin1,
    }

    /// <summary>Re-decodes <paramref name="latin1Text"/> (text read as ISO-8859-1) from its bytes.</summary>
    public static string Redecode(string latin1Text, out Decoding decoding)
    {
        if (latin1Text.All(char.IsAscii))
        {
            decoding = Decoding.Ascii;
            return latin1Text;
        }
        byte[] bytes = Latin1.GetBytes(latin1Text);
        if (TryDecode(StrictUtf8, bytes, out string utf8) && utf8.All(LooksLikeNameText))
        {
            decoding = Decoding.Utf8;
            return utf8;
        }
        if (TryDecode(Gbk, bytes, out string gbk))
        {
            decoding = Decoding.Gbk;
            return gbk;
        }
        decoding = Decoding.Latin1;
        return latin1Text;
    }

    /// <summary>
    /// Upper-cases a lower-case accented Latin letter (U+00C0..U+024F) that starts a word of two or more
    /// letters; words start the text or follow a space, hyphen, quote or apostrophe.
    /// </summary>
    public static string RestoreCapitals(string text)
    {
        char[] chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            bool wordStart = i == 0 || chars[i - 1] is ' ' or '-' or '"' or '\'' or '‘';
            bool accentedLower = chars[i] is >= '\u00C0' and <= '\u024F' && char.IsLower(chars[i]);
            bool longWord = i + 1 < chars.Length && char.IsLetter(chars[i + 1]);
            if (wordStart && accentedLower && longWord) chars[i] = char.ToUpperInvariant(chars[i]);
        }
        return new string(chars);
    }

    /// <summary>True when upstream conversion replaced letters with '?' (a '?' next to a letter).</summary>
    public static bool HasLostLetters(string text)
    {
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '?' && ((i > 0 && char.IsLetter(text[i - 1])) || (i + 1 < text.Length && char.IsLetter(text[i + 1]))))
                return true;
        return false;
    }

    /// <summary>Removes spreadsheet-style quoting ("\"Géza, Grand Prince\"" -> "Géza, Grand Prince"); false when there was none.</summary>
    public static bool TryUnquote(string field, out string unquoted)
    {
        unquoted = field;
        if (field.Length < 2 || field[0] != '"' || field[^1] != '"') return false;
        unquoted = field[1..^1].Replace("\"\"", "\"");
        return true;
    }

    // GBK pairs can happen to be valid UTF-8 (水 = CB AE = U+02EE), so UTF-8 wins only when it yields Latin text.
    static bool LooksLikeNameText(char c) => char.IsAscii(c) || c is >= '\u00C0' and <= '\u024F' or >= '\u2018' and <= '\u201D';

    static bool TryDecode(Encoding encoding, byte[] bytes, out string text)
    {
        try
        {
            text = encoding.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = "";
            return false;
        }
    }
}
