namespace WorldProbe.Runs;

/// <summary>
/// Writes a whole folder so that a reader never sees it half-written: the content goes to a sibling
/// temporary folder, and only a complete one is renamed into place (an older folder of the same name
/// is first renamed aside, then deleted).
/// </summary>
public static class AtomicFolder
{
    /// <summary>Calls <paramref name="write"/> with an empty temporary folder, then puts it at <paramref name="folder"/>.</summary>
    public static void Replace(string folder, Action<string> write)
    {
        string full = Path.GetFullPath(folder);
        string parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        string name = Path.GetFileName(full);
        string temporary = Path.Combine(parent, $".{name}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        string aside = Path.Combine(parent, $".{name}.old.{Guid.NewGuid():N}.tmp");
        Directory.CreateDirectory(temporary);
        try
        {
            write(temporary);
            if (Directory.Exists(full)) Directory.Move(full, aside);
            Directory.Move(temporary, full);
        }
        finally
        {
            if (Directory.Exists(temporary)) Directory.Delete(temporary, recursive: true);
            if (Directory.Exists(aside)) Directory.Delete(aside, recursive: true);
        }
    }
}
