using WorldProbe.Cli;

namespace WorldProbe.Tests;

/// <summary>What one in-process run of the command line returned and printed.</summary>
/// <param name="Code">Exit code.</param>
/// <param name="Out">Everything written to stdout.</param>
/// <param name="Error">Everything written to stderr.</param>
public readonly record struct CliRun(int Code, string Out, string Error);

/// <summary>
/// Runs `worldprobe ...` in this process with stdout and stderr captured. Console redirection is
/// process-wide, so test classes that use it belong to the "console" collection (never in parallel).
/// </summary>
public static class InProcessCli
{
    /// <summary>Runs the command line with <paramref name="args"/>.</summary>
    public static CliRun Run(params string[] args)
    {
        var (outWriter, errorWriter) = (new StringWriter(), new StringWriter());
        var (oldOut, oldError) = (Console.Out, Console.Error);
        Console.SetOut(outWriter);
        Console.SetError(errorWriter);
        try { return new CliRun(WorldProbeCommandLine.Run(args), outWriter.ToString(), errorWriter.ToString()); }
        finally
        {
            Console.SetOut(oldOut);
            Console.SetError(oldError);
        }
    }
}
