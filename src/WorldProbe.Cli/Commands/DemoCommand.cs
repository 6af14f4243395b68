using System.CommandLine;
using WorldProbe.Cli.Console;
using WorldProbe.Demo;
using WorldProbe.Runs;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe demo`: the main job on the embedded defaults.</summary>
public static class DemoCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create()
    {
        var output = new Option<string?>("--out") { Description = "Output folder (default: runs/demo/<time>)." };
        var command = new Command("demo", "Run the whole study on the embedded defaults (offline, CPU, a few minutes) and write an HTML report.")
        {
            output,
        };
        CommandAction.Set(command, parse =>
        {
            string folder = parse.GetValue(output) ?? RunFolder.CreateNew("demo");
            string index = ConsoleProgress.Run(progress => new DemoRunner().Run(folder, CommonOptions.CommandLine, progress));
            System.Console.Out.WriteLine($"Report: {Path.GetRelativePath(Environment.CurrentDirectory, index)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
