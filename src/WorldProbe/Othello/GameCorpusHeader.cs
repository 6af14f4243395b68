namespace WorldProbe.Othello;

/// <summary>
/// The fixed 64-byte header of a corpus file (little-endian): magic "WPOTHELO", u32 version, u32 header bytes (= the
/// offset of the first game), u64 games, u64 moves, u32 bytes per game (60), u8 source, 3 reserved bytes, u64 offset
/// and u32 length of the settings (UTF-8 JSON written after the last game), zeros to 64 bytes.
/// </summary>
public sealed record GameCorpusHeader
{
    /// <summary>The file's first 8 bytes.</summary>
    public static ReadOnlySpan<byte> Magic => "WPOTHELO"u8;

    /// <summary>The format version this build writes and reads.</summary>
    public const uint CurrentVersion = 1;

    /// <summary>Bytes before the first game.</summary>
    public const int Size = 64;

    /// <summary>Format version.</summary>
    public uint Version { get; init; } = CurrentVersion;
    /// <summary>Number of games.</summary>
    public long Games { get; init; }
    /// <summary>Number of moves over all games (passes not counted).</summary>
    public long Moves { get; init; }
    /// <summary>Where the games came from.</summary>
    public CorpusSource Source { get; init; }
    /// <summary>Offset of the settings JSON.</summary>
    public long SettingsOffset { get; init; }
    /// <summary>Length of the settings JSON in bytes.</summary>
    public int SettingsLength { get; init; }

    /// <summary>Writes the header into <paramref name="destination"/> (64 bytes).</summary>
    public void WriteTo(Span<byte> destination)
    {
        var bytes = destination[..Size];
        bytes.Clear();
        Magic.CopyTo(bytes);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes[8..], Version);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes[12..], Size);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes[16..], Games);
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes[24..], Moves);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes[32..], GameRecord.Length);
        bytes[36] = (byte)Source;
        System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(bytes[40..], SettingsOffset);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(bytes[48..], SettingsLength);
    }

    /// <summary>Reads and checks a header; <paramref name="fileLength"/> must agree with its counts.</summary>
    public static GameCorpusHeader Read(ReadOnlySpan<byte> bytes, long fileLength, string path)
    {
        const string fix = "regenerate or re-import it (corpus files are written by worldprobe othello generate/import)";
        if (fileLength == 0) throw new WorldProbeException($"{path}: the file is empty; it is not a game corpus. {Capitalize(fix)}.");
        if (fileLength < Size || bytes.Length < Size)
            throw new WorldProbeException($"{path}: {fileLength} bytes is shorter than the {Size}-byte corpus header; {fix}.");
        if (!bytes[..8].SequenceEqual(Magic))
            throw new WorldProbeException($"{path}, offset 0: not a WorldProbe game corpus (no \"WPOTHELO\" magic); {fix}.");
        uint version = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]);
        if (version != CurrentVersion)
            throw new WorldProbeException($"{path}, offset 8: corpus format version {version}; this build reads version {CurrentVersion}. {Capitalize(fix)}.");
        uint headerSize = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[12..]);
        uint recordLength = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[32..]);
        if (headerSize != Size || recordLength != GameRecord.Length)
            throw new WorldProbeException($"{path}, offset 12: header size {headerSize} / game size {recordLength}, expected {Size} / {GameRecord.Length}; {fix}.");
        var header = new GameCorpusHeader
        {
            Version = version,
            Games = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[16..]),
            Moves = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[24..]),
            Source = (CorpusSource)bytes[36],
            SettingsOffset = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(bytes[40..]),
            SettingsLength = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes[48..]),
        };
        if (!Enum.IsDefined(header.Source))
            throw new WorldProbeException($"{path}, offset 36: unknown source {(byte)header.Source}; {fix}.");
        long expectedSettings = header.Games is >= 0 and <= long.MaxValue / (2 * GameRecord.Length)
            ? Size + header.Games * GameRecord.Length
            : -1;
        if (expectedSettings < 0 || header.Moves < 0 || header.Moves > header.Games * GameRecord.Length
            || header.SettingsOffset != expectedSettings || header.SettingsLength < 0
            || fileLength != expectedSettings + header.SettingsLength)
            throw new WorldProbeException(
                $"{path}, offset 16: the header counts {header.Games} games and {header.SettingsLength} bytes of settings, which needs " +
                $"{expectedSettings + header.SettingsLength} bytes, but the file has {fileLength} (truncated or corrupt); {fix}.");
        return header;
    }

    static string Capitalize(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
