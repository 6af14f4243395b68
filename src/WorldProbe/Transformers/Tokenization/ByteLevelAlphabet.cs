namespace WorldProbe.Transformers.Tokenization;

/// <summary>
/// GPT-2's byte-level alphabet: every byte is written as a printable character (printable ASCII and
/// Latin-1 stand for themselves, the other bytes for U+0100 upwards), so a byte-level BPE token's
/// string is the bytes it covers.
/// </summary>
public static class ByteLevelAlphabet
{
    static readonly Dictionary<char, byte> CharacterToByte = Build();

    /// <summary>The bytes a byte-level token string spells, or null when it uses a character outside the alphabet.</summary>
    public static byte[]? ToBytes(string token)
    {
        var bytes = new byte[token.Length];
        for (int i = 0; i < token.Length; i++)
        {
            if (!CharacterToByte.TryGetValue(token[i], out byte value)) return null;
            bytes[i] = value;
        }
        return bytes;
    }

    static Dictionary<char, byte> Build()
    {
        var map = new Dictionary<char, byte>(256);
        int shifted = 0;
        for (int b = 0; b < 256; b++)
        {
            bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char)b : (char)(256 + shifted++);
            map[c] = (byte)b;
        }
        return map;
    }
}
