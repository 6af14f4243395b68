namespace WorldProbe.Runs;

/// <summary>
/// Finds the WorldProbe checkout (the folder with WorldProbe.slnx) so that vendored data (data/),
/// shipped models (models/) and the default output folder (runs/) resolve from any working folder.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The checkout holding this build, or the current folder's, or null.</summary>
    public static string? TryFind()
    {
        string? env = Environment.GetEnvironmentVariable("WORLDPROBE_HOME");
        if (!string.IsNullOrEmpty(env) && IsRoot(env)) return Path.GetFullPath(env);
        return SearchUp(AppContext.BaseDirectory) ?? SearchUp(Environment.CurrentDirectory);
    }

    /// <summary>The checkout, or an error explaining how to point WorldProbe at one.</summary>
    public static string Find() => TryFind() ?? throw new WorldProbeException(
        "cannot find the WorldProbe checkout (a folder with WorldProbe.slnx) above the program or the current folder; " +
        "run from inside the repository or set WORLDPROBE_HOME.");

    /// <summary>A path inside the checkout, such as "data/othello".</summary>
    public static string Resolve(string relative) => Path.Combine(Find(), relative);

    static string? SearchUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (IsRoot(dir.FullName)) return dir.FullName;
        return null;
    }

    static bool IsRoot(string directory) => File.Exists(Path.Combine(directory, "WorldProbe.slnx"));
}
