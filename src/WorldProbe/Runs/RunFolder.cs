namespace WorldProbe.Runs;

/// <summary>Output folders under runs/ (git-ignored): runs/{kind}/{yyyyMMdd-HHmmss} by default.</summary>
public static class RunFolder
{
    /// <summary>The runs/ folder of the checkout, or ./runs outside one.</summary>
    public static string Root => Path.Combine(RepositoryRoot.TryFind() ?? Environment.CurrentDirectory, "runs");

    /// <summary>A new time-stamped folder for a run of <paramref name="kind"/>, created.</summary>
    public static string CreateNew(string kind)
    {
        string path = Path.Combine(Root, kind, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss"));
        Directory.CreateDirectory(path);
        return path;
    }
}
