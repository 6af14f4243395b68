namespace WorldProbe.Othello;

/// <summary>
/// The 16-byte header shared by WTHOR files (.wtb games, .jou players, .trn tournaments): creation date (century,
/// year, month, day), u32 number of games (.wtb), u16 number of records (.jou/.trn; 0 in .wtb), u16 year of the
/// games, u8 board size (0 or 8 = 8x8), u8 game type, u8 depth of the theoretical score, u8 reserved. Little-endian.
/// </summary>
public sealed record WthorHeader
{
    /// <summary>Header size in bytes.</summary>
    public const int Size = 16;
    /// <summary>Century of the file's creation (20 for 2024).</summary>
    public byte Century { get; init; } = 20;
    /// <summary>Year within the century.</summary>
    public byte Year { get; init; }
    /// <summary>Month 1..12.</summary>
    public byte Month { get; init; } = 1;
    /// <summary>Day 1..31.</summary>
    public byte Day { get; init; } = 1;
    /// <summary>Number of games (N1; .wtb files).</summary>
    public uint Games { get; init; }
    /// <summary>Number of records (N2; .jou and .trn files).</summary>
    public ushort Records { get; init; }
    /// <summary>Year the games were played.</summary>
    public ushort GamesYear { get; init; }
    /// <summary>Board size: 0 or 8 for 8x8 (the only size read).</summary>
    public byte BoardSize { get; init; } = 8;
    /// <summary>Game type (0 for normal games).</summary>
    public byte GameType { get; init; }
    /// <summary>Depth from which <see cref="WthorGame.TheoreticalScore"/> was computed.</summary>
    public byte Depth { get; init; } = 22;

    /// <summary>The 16 bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[Size];
        bytes[0] = Century; bytes[1] = Year; bytes[2] = Month; bytes[3] = Day;
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), Games);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), Records);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(10), GamesYear);
        bytes[12] = BoardSize; bytes[13] = GameType; bytes[14] = Depth;
        return bytes;
    }

    /// <summary>Parses 16 bytes (the caller has checked the length).</summary>
    public static WthorHeader Parse(ReadOnlySpan<byte> bytes) => new()
    {
        Century = bytes[0], Year = bytes[1], Month = bytes[2], Day = bytes[3],
        Games = System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(bytes[4..]),
        Records = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[8..]),
        GamesYear = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(bytes[10..]),
        BoardSize = bytes[12], GameType = bytes[13], Depth = bytes[14],
    };
}
