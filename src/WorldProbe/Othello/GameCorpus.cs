using System.IO.MemoryMappedFiles;
using System.Text.Json;

namespace WorldProbe.Othello;

/// <summary>
/// A corpus file opened read-only and memory-mapped: games are read in place (game i is 60 bytes at a fixed offset),
/// so a corpus of any size is read in chunks without loading it. Dispose to unmap.
/// </summary>
public sealed unsafe class GameCorpus : IDisposable
{
    readonly MemoryMappedFile? file;
    readonly MemoryMappedViewAccessor? view;
    readonly byte* records;
    bool disposed;

    /// <summary>The file's path.</summary>
    public string Path { get; }
    /// <summary>The checked header.</summary>
    public GameCorpusHeader Header { get; }
    /// <summary>The settings stored by the generator or importer.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Number of games.</summary>
    public long Count => Header.Games;

    /// <summary>Where the games came from.</summary>
    public CorpusSource Source => Header.Source;

    GameCorpus(string path)
    {
        Path = path;
        var info = new FileInfo(path);
        if (!info.Exists) throw new WorldProbeException($"{path}: no such corpus file; check the path or create it with worldprobe othello generate/import.");
        long length = info.Length;
        var headerBytes = new byte[GameCorpusHeader.Size];
        using (var stream = File.OpenRead(path)) stream.ReadAtLeast(headerBytes, headerBytes.Length, throwOnEndOfStream: false);
        Header = GameCorpusHeader.Read(headerBytes, length, path);
        try
        {
            file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            pointer += view.PointerOffset;
            records = pointer + GameCorpusHeader.Size;
            Settings = ReadSettings(new ReadOnlySpan<byte>(pointer + Header.SettingsOffset, Header.SettingsLength));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Opens <paramref name="path"/>; a missing, empty, truncated or foreign file is a <see cref="WorldProbeException"/>.</summary>
    public static GameCorpus Open(string path) => new(path);

    /// <summary>Game <paramref name="index"/>'s 60-byte record (valid until the corpus is disposed).</summary>
    public ReadOnlySpan<byte> Game(long index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        ObjectDisposedException.ThrowIf(disposed, this);
        return new ReadOnlySpan<byte>(records + index * GameRecord.Length, GameRecord.Length);
    }

    /// <summary>The moves of game <paramref name="index"/> (without padding).</summary>
    public ReadOnlySpan<byte> Moves(long index)
    {
        var record = Game(index);
        return record[..GameRecord.MoveCount(record)];
    }

    /// <summary><paramref name="count"/> records from <paramref name="first"/>, back to back ([count, 60]).</summary>
    public ReadOnlySpan<byte> Records(long first, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(first);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (first + count > Count) throw new ArgumentOutOfRangeException(nameof(count), $"games {first}..{first + count} are past the corpus's {Count}");
        if ((long)count * GameRecord.Length > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(count), "read at most 35 million games at a time");
        ObjectDisposedException.ThrowIf(disposed, this);
        return new ReadOnlySpan<byte>(records + first * GameRecord.Length, count * GameRecord.Length);
    }

    /// <summary>Copies games <paramref name="indices"/> into <paramref name="destination"/> ([indices.Length, 60]).</summary>
    public void CopyGames(ReadOnlySpan<int> indices, Span<byte> destination)
    {
        for (int i = 0; i < indices.Length; i++)
            Game(indices[i]).CopyTo(destination.Slice(i * GameRecord.Length, GameRecord.Length));
    }

    /// <summary>The corpus cut into consecutive ranges of at most <paramref name="gamesPerChunk"/> games.</summary>
    public IEnumerable<(long First, int Count)> Chunks(int gamesPerChunk)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gamesPerChunk, 1);
        for (long first = 0; first < Count; first += gamesPerChunk)
            yield return (first, (int)Math.Min(gamesPerChunk, Count - first));
    }

    /// <summary>Every game's record copied out, for small corpora and tests.</summary>
    public List<byte[]> ReadAll()
    {
        var games = new List<byte[]>((int)Math.Min(Count, int.MaxValue));
        for (long i = 0; i < Count; i++) games.Add(Game(i).ToArray());
        return games;
    }

    /// <summary>
    /// The moves (records without padding) of the first <paramref name="count"/> games (all when null), counting only
    /// games whose first move is <paramref name="opening"/> when it is given.
    /// </summary>
    public List<byte[]> FirstGames(long? count = null, int? opening = null)
    {
        long take = Math.Min(count ?? long.MaxValue, Count);
        var games = new List<byte[]>((int)Math.Min(take, 1 << 20));
        for (long i = 0; i < Count && games.Count < take; i++)
        {
            var moves = Moves(i);
            if (opening is null || (moves.Length > 0 && moves[0] == opening)) games.Add(moves.ToArray());
        }
        return games;
    }

    IReadOnlyDictionary<string, string> ReadSettings(ReadOnlySpan<byte> json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(json)
                ?? throw new WorldProbeException($"{Path}, offset {Header.SettingsOffset}: empty settings; regenerate the corpus.");
        }
        catch (JsonException e)
        {
            throw new WorldProbeException($"{Path}, offset {Header.SettingsOffset}: the settings are not valid JSON ({e.Message}); regenerate the corpus.", e);
        }
    }

    /// <summary>Unmaps the file.</summary>
    public void Dispose()
    {
        if (disposed) return;
        disposed = true;
        if (records != null) view?.SafeMemoryMappedViewHandle.ReleasePointer();
        view?.Dispose();
        file?.Dispose();
    }
}
