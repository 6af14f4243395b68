using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace WorldProbe.Runs;

/// <summary>What produced a result: WorldProbe's version and commit, package versions, the machine.</summary>
public static class BuildInfo
{
    /// <summary>WorldProbe's assembly version.</summary>
    public static string Version { get; } =
        typeof(BuildInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? "unknown";

    static readonly Lazy<string> commit = new(ReadGitCommit);

    /// <summary>The git commit of the working tree (with "-dirty" when it has changes), or "unknown".</summary>
    public static string GitCommit => commit.Value;

    /// <summary>Versions of the packages that decide numerical results.</summary>
    public static IReadOnlyDictionary<string, string> PackageVersions { get; } = new SortedDictionary<string, string>
    {
        ["TorchSharp"] = AssemblyVersion("TorchSharp"),
        ["libtorch"] = "2.10.0",
        [".NET"] = RuntimeInformation.FrameworkDescription,
    };

    /// <summary>A one-line description of this machine.</summary>
    public static string Machine { get; } =
        $"{RuntimeInformation.OSDescription}; {RuntimeInformation.ProcessArchitecture}; {Environment.ProcessorCount} cores; " +
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB";

    static string AssemblyVersion(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name)?.GetName().Version?.ToString()
        ?? TryLoad(name);

    static string TryLoad(string name)
    {
        try { return Assembly.Load(name).GetName().Version?.ToString() ?? "unknown"; }
        catch (IOException) { return "not loaded"; }
    }

    static string ReadGitCommit()
    {
        try
        {
            string? root = RepositoryRoot.TryFind();
            if (root is null) return "unknown";
            string head = RunGit(root, "rev-parse HEAD");
            if (head.Length == 0) return "unknown";
            bool dirty = RunGit(root, "status --porcelain --untracked-files=no").Length > 0;
            return dirty ? head + "-dirty" : head;
        }
        catch (System.ComponentModel.Win32Exception) { return "unknown"; }
    }

    static string RunGit(string directory, string arguments)
    {
        var info = new ProcessStartInfo("git", arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output : "";
    }
}
