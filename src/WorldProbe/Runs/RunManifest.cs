using System.Text.Json;
using System.Text.Json.Serialization;

namespace WorldProbe.Runs;

/// <summary>
/// The record written beside every run's outputs (manifest.json): what was run, with which seed,
/// by which build on which machine, and when. Written at the start (EndedUtc null) and again at the end.
/// </summary>
public sealed record RunManifest
{
    /// <summary>The command line as typed (program name first).</summary>
    public required string CommandLine { get; init; }
    /// <summary>The random seed, if the run has one.</summary>
    public long? Seed { get; init; }
    /// <summary>WorldProbe's version.</summary>
    public string Version { get; init; } = BuildInfo.Version;
    /// <summary>The git commit the program was built from.</summary>
    public string GitCommit { get; init; } = BuildInfo.GitCommit;
    /// <summary>Versions of TorchSharp, libtorch and .NET.</summary>
    public IReadOnlyDictionary<string, string> Packages { get; init; } = BuildInfo.PackageVersions;
    /// <summary>Operating system, architecture, cores, memory.</summary>
    public string Machine { get; init; } = BuildInfo.Machine;
    /// <summary>When the run started.</summary>
    public DateTimeOffset StartedUtc { get; init; } = DateTimeOffset.UtcNow;
    /// <summary>When the run ended; null while it runs or if it was killed.</summary>
    public DateTimeOffset? EndedUtc { get; init; }
    /// <summary>"running", "ok", "failed".</summary>
    public string Status { get; init; } = "running";
    /// <summary>Run-specific settings and results worth keeping next to the outputs.</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();

    /// <summary>Shared JSON settings: indented, camelCase.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        // An empty subset (say, no "competent" intervention cases) has a NaN mean and a division by a zero total an
        // infinite ratio; they are written as "NaN" / "Infinity" rather than failing the whole results file.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes manifest.json into <paramref name="directory"/> atomically.</summary>
    public void WriteTo(string directory) => WriteFile(Path.Combine(directory, "manifest.json"));

    /// <summary>Writes the manifest as <paramref name="path"/> atomically.</summary>
    public void WriteFile(string path) => JsonRecordFile.Write(path, this);

    /// <summary>
    /// Runs <paramref name="work"/> with a manifest beside its output: <paramref name="output"/>/manifest.json
    /// for a folder, <paramref name="output"/>.manifest.json for a file. Written as "running" first, then
    /// "ok" or "failed" with the end time, so a killed run is recognisable.
    /// </summary>
    public static T Around<T>(string output, bool isFolder, string commandLine, long? seed, Func<T> work)
    {
        string path = isFolder ? Path.Combine(output, "manifest.json") : output + ".manifest.json";
        var manifest = new RunManifest { CommandLine = commandLine, Seed = seed };
        manifest.WriteFile(path);
        try
        {
            T result = work();
            (manifest with { EndedUtc = DateTimeOffset.UtcNow, Status = "ok" }).WriteFile(path);
            return result;
        }
        catch
        {
            (manifest with { EndedUtc = DateTimeOffset.UtcNow, Status = "failed" }).WriteFile(path);
            throw;
        }
    }

    /// <summary>Reads a manifest written by <see cref="WriteTo"/>.</summary>
    public static RunManifest ReadFrom(string directory)
    {
        string path = Path.Combine(directory, "manifest.json");
        return JsonRecordFile.TryRead<RunManifest>(path, "run manifest", "delete the run folder and run again")
               ?? throw new FileNotFoundException($"{path}: no run manifest", path);
    }
}
