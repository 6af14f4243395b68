using System.Text;

namespace WorldProbe.Runs;

/// <summary>
/// Writes files so that a reader (or a killed run) never sees a half-written file: the content goes
/// to a temporary file in the same folder, is flushed to disk, then renamed over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> as UTF-8 (no BOM).</summary>
    public static void WriteAllText(string path, string text) =>
        Write(path, stream => stream.Write(new UTF8Encoding(false).GetBytes(text)));

    /// <summary>Writes <paramref name="bytes"/>.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        byte[] copy = bytes.ToArray();
        Write(path, stream => stream.Write(copy));
    }

    /// <summary>Streams content into <paramref name="path"/>; the file appears only when <paramref name="writer"/> returns.</summary>
    public static void Write(string path, Action<Stream> writer)
    {
        string full = Path.GetFullPath(path);
        string directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                writer(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Removes temporary files that a killed process left in <paramref name="directory"/>.</summary>
    public static int CleanStaleTemporaries(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        int removed = 0;
        foreach (string file in Directory.EnumerateFiles(directory, ".*.tmp"))
            if (TryDelete(file)) removed++;
        return removed;
    }

    static bool TryDelete(string path)
    {
        try { File.Delete(path); return true; }
        catch (IOException) { return false; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
