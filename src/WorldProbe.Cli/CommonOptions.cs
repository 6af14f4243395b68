using System.CommandLine;
using System.Text.Json;
using WorldProbe.Runs;

namespace WorldProbe.Cli;

/// <summary>Options shared by many commands, defined once so they read the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary>--json: print the results as one JSON document on stdout.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print the results as JSON on stdout (progress stays on stderr)." };

    /// <summary>--device cpu|cuda[:N].</summary>
    public static Option<string> Device() => new("--device")
    {
        Description = "Compute device: cpu, or cuda[:N] with a CUDA build (see docs/gpu.md).",
        DefaultValueFactory = _ => "cpu",
    };

    /// <summary>--seed N.</summary>
    public static Option<long> Seed(long defaultSeed = 0) => new("--seed")
    {
        Description = "Random seed; the same seed gives the same results.",
        DefaultValueFactory = _ => defaultSeed,
    };

    /// <summary>Writes <paramref name="value"/> as indented camelCase JSON to stdout.</summary>
    public static void PrintJson<T>(T value) => System.Console.Out.WriteLine(JsonSerializer.Serialize(value, RunManifest.Json));

    /// <summary>The command line as typed, for manifests.</summary>
    public static string CommandLine => "worldprobe " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Quote));

    static string Quote(string arg) => arg.Contains(' ') ? $"\"{arg}\"" : arg;
}
