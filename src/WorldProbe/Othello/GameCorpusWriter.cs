using System.Text.Json;
using WorldProbe.Runs;

namespace WorldProbe.Othello;

/// <summary>
/// Streams games into a corpus file (format: <see cref="GameCorpusHeader"/>, then 60-byte <see cref="GameRecord"/>s,
/// then the settings JSON). The file is written atomically: it appears, whole, only when the producer returns, so
/// a killed run never leaves a file that looks complete.
/// </summary>
public sealed class GameCorpusWriter
{
    readonly Stream stream;
    long games, moves;

    GameCorpusWriter(Stream stream) => this.stream = stream;

    /// <summary>Games written so far.</summary>
    public long Games => games;

    /// <summary>Moves written so far.</summary>
    public long Moves => moves;

    /// <summary>
    /// Writes <paramref name="path"/>: <paramref name="produce"/> adds the games; it returns the settings to store (the
    /// generator's or importer's options and counts), which are written after the games.
    /// </summary>
    public static void Write(string path, CorpusSource source, Func<GameCorpusWriter, IReadOnlyDictionary<string, string>> produce)
    {
        AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[GameCorpusHeader.Size]);
            var writer = new GameCorpusWriter(stream);
            var settings = produce(writer);
            byte[] json = JsonSerializer.SerializeToUtf8Bytes(new SortedDictionary<string, string>(settings.ToDictionary()), RunManifest.Json);
            long settingsOffset = stream.Position;
            stream.Write(json);
            var header = new GameCorpusHeader
            {
                Games = writer.games,
                Moves = writer.moves,
                Source = source,
                SettingsOffset = settingsOffset,
                SettingsLength = json.Length,
            };
            var bytes = new byte[GameCorpusHeader.Size];
            header.WriteTo(bytes);
            stream.Position = 0;
            stream.Write(bytes);
            stream.Position = stream.Length;
        });
    }

    /// <summary>Writes a whole corpus from records in memory.</summary>
    public static void Write(string path, CorpusSource source, IEnumerable<byte[]> records, IReadOnlyDictionary<string, string> settings) =>
        Write(path, source, writer =>
        {
            foreach (var record in records) writer.Add(record);
            return settings;
        });

    /// <summary>Appends one game (a 60-byte record, or its moves, which are padded).</summary>
    public void Add(ReadOnlySpan<byte> game)
    {
        if (game.Length == GameRecord.Length)
        {
            AddRecords(game);
            return;
        }
        AddRecords(GameRecord.From(game));
    }

    /// <summary>Appends whole 60-byte records, back to back.</summary>
    public void AddRecords(ReadOnlySpan<byte> records)
    {
        if (records.Length % GameRecord.Length != 0)
            throw new ArgumentException($"records come in {GameRecord.Length}-byte units; got {records.Length} bytes", nameof(records));
        for (int offset = 0; offset < records.Length; offset += GameRecord.Length)
            moves += GameRecord.MoveCount(records.Slice(offset, GameRecord.Length));
        games += records.Length / GameRecord.Length;
        stream.Write(records);
    }
}
