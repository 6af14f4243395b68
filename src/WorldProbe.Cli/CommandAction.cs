using System.CommandLine;
using System.Text.Json;
using Spectre.Console;

namespace WorldProbe.Cli;

/// <summary>
/// Wraps every command's body: bad input (<see cref="WorldProbeException"/>, missing files, malformed
/// data) becomes one clear message on stderr and exit code 2, never a stack trace.
/// </summary>
public static class CommandAction
{
    /// <summary>Sets <paramref name="command"/>'s action to <paramref name="body"/> under the error policy.</summary>
    public static void Set(Command command, Func<ParseResult, int> body) =>
        command.SetAction(parse => Run(() => body(parse)));

    /// <summary>Runs <paramref name="body"/> under the error policy.</summary>
    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception e) when (UserError(e) is { } message)
        {
            Error.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
            return ExitCodes.BadInput;
        }
    }

    static string? UserError(Exception e) => e switch
    {
        WorldProbeException w => w.Message,
        FileNotFoundException f => $"{f.FileName ?? f.Message}: file not found. Check the path.",
        DirectoryNotFoundException d => $"{d.Message} Check the path.",
        UnauthorizedAccessException u => $"{u.Message} Check the file's permissions.",
        JsonException j => $"malformed JSON: {j.Message}",
        _ => null,
    };

    /// <summary>
    /// The console for messages and progress: stderr, so that stdout holds only results. Made from the
    /// current <see cref="System.Console.Error"/> on each use, so a redirected stderr is honoured.
    /// </summary>
    public static IAnsiConsole Error => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(System.Console.Error),
    });
}
