using System.Text;
using WorldProbe.Runs;

namespace WorldProbe.Othello;

/// <summary>
/// Reads and writes WTHOR databases (the French Othello Federation's format): a <see cref="WthorHeader"/>, then
/// 68-byte game records whose moves are 10 * row + column (a1 = 11, h1 = 18, a8 = 81), zero-padded. Player (.jou,
/// 20-byte names) and tournament (.trn, 26-byte names) files share the header; names are ISO-8859-1.
/// </summary>
public static class WthorFile
{
    /// <summary>Bytes per game record.</summary>
    public const int GameSize = 68;
    /// <summary>Bytes per player name in .jou files.</summary>
    public const int PlayerNameSize = 20;
    /// <summary>Bytes per tournament name in .trn files.</summary>
    public const int TournamentNameSize = 26;

    /// <summary>Reads a .wtb file; a truncated or corrupt file is a <see cref="WorldProbeException"/> naming the place.</summary>
    public static (WthorHeader Header, List<WthorGame> Games) Read(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        const string fix = "re-download the database or remove it from the inputs";
        if (bytes.Length == 0) throw new WorldProbeException($"{path}: the file is empty; a WTHOR database has a 16-byte header and 68-byte games. {char.ToUpperInvariant(fix[0])}{fix[1..]}.");
        if (bytes.Length < WthorHeader.Size) throw new WorldProbeException($"{path}: {bytes.Length} bytes is shorter than the 16-byte WTHOR header; {fix}.");
        var header = WthorHeader.Parse(bytes);
        if (header.BoardSize is not (0 or 8))
            throw new WorldProbeException($"{path}, offset 12: board size {header.BoardSize}; only 8x8 databases (0 or 8) are read.");
        long expected = WthorHeader.Size + (long)header.Games * GameSize;
        if (bytes.Length != expected)
        {
            long whole = (bytes.Length - WthorHeader.Size) / GameSize;
            throw new WorldProbeException(
                $"{path}, offset 4: the header says {header.Games} games ({expected} bytes) but the file has {bytes.Length} bytes " +
                $"({whole} whole games{((bytes.Length - WthorHeader.Size) % GameSize != 0 ? $", the last cut at offset {WthorHeader.Size + whole * GameSize}" : "")}); " +
                $"the file is truncated or corrupt; {fix}.");
        }
        var games = new List<WthorGame>((int)header.Games);
        for (int g = 0; g < header.Games; g++)
        {
            var record = bytes.AsSpan(WthorHeader.Size + g * GameSize, GameSize);
            var moves = new List<byte>(60);
            for (int m = 0; m < 60; m++)
            {
                byte code = record[8 + m];
                if (code == 0)
                {
                    int stray = record[(8 + m)..].IndexOfAnyExcept((byte)0);
                    if (stray >= 0)
                        throw new WorldProbeException($"{path}, game {g + 1} (offset {WthorHeader.Size + g * GameSize}): move {m + stray + 1} follows the end-of-game zero; the record is corrupt; {fix}.");
                    break;
                }
                int row = code / 10, column = code % 10;
                if (row is < 1 or > 8 || column is < 1 or > 8)
                    throw new WorldProbeException(
                        $"{path}, game {g + 1} (offset {WthorHeader.Size + g * GameSize}), move {m + 1}: byte {code} is not a square " +
                        $"(WTHOR squares are 10 * row + column, 11..88); the record is corrupt; {fix}.");
                moves.Add((byte)Square.At(row - 1, column - 1));
            }
            games.Add(new WthorGame
            {
                Tournament = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record),
                BlackPlayer = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record[2..]),
                WhitePlayer = System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(record[4..]),
                BlackDiscs = record[6],
                TheoreticalScore = record[7],
                Moves = [.. moves],
            });
        }
        return (header, games);
    }

    /// <summary>Writes a .wtb file atomically (the header's game count is set from <paramref name="games"/>).</summary>
    public static void Write(string path, WthorHeader header, IReadOnlyList<WthorGame> games)
    {
        var bytes = new byte[WthorHeader.Size + games.Count * GameSize];
        (header with { Games = (uint)games.Count, Records = 0 }).ToBytes().CopyTo(bytes, 0);
        for (int g = 0; g < games.Count; g++)
        {
            var game = games[g];
            if (game.Moves.Length > 60) throw new ArgumentException($"game {g + 1} has {game.Moves.Length} moves; at most 60", nameof(games));
            var record = bytes.AsSpan(WthorHeader.Size + g * GameSize, GameSize);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(record, game.Tournament);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(record[2..], game.BlackPlayer);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt16LittleEndian(record[4..], game.WhitePlayer);
            record[6] = game.BlackDiscs;
            record[7] = game.TheoreticalScore;
            for (int m = 0; m < game.Moves.Length; m++)
                record[8 + m] = (byte)(10 * (Square.Row(game.Moves[m]) + 1) + Square.Column(game.Moves[m]) + 1);
        }
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Reads a .jou (<see cref="PlayerNameSize"/>) or .trn (<see cref="TournamentNameSize"/>) names file.</summary>
    public static List<string> ReadNames(string path, int nameSize)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < WthorHeader.Size) throw new WorldProbeException($"{path}: {bytes.Length} bytes is shorter than the 16-byte WTHOR header; re-download the file.");
        var header = WthorHeader.Parse(bytes);
        long expected = WthorHeader.Size + (long)header.Records * nameSize;
        if (bytes.Length != expected)
            throw new WorldProbeException($"{path}, offset 8: the header says {header.Records} names of {nameSize} bytes ({expected} bytes) but the file has {bytes.Length}; re-download the file.");
        var names = new List<string>(header.Records);
        for (int i = 0; i < header.Records; i++)
        {
            var name = bytes.AsSpan(WthorHeader.Size + i * nameSize, nameSize);
            int end = name.IndexOf((byte)0);
            names.Add(Encoding.Latin1.GetString(end < 0 ? name : name[..end]).Trim());
        }
        return names;
    }

    /// <summary>Writes a .jou or .trn names file atomically.</summary>
    public static void WriteNames(string path, WthorHeader header, IReadOnlyList<string> names, int nameSize)
    {
        var bytes = new byte[WthorHeader.Size + names.Count * nameSize];
        (header with { Games = 0, Records = (ushort)names.Count }).ToBytes().CopyTo(bytes, 0);
        for (int i = 0; i < names.Count; i++)
        {
            byte[] name = Encoding.Latin1.GetBytes(names[i]);
            name.AsSpan(0, Math.Min(name.Length, nameSize - 1)).CopyTo(bytes.AsSpan(WthorHeader.Size + i * nameSize));
        }
        AtomicFile.WriteAllBytes(path, bytes);
    }
}
