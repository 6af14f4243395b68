using System.CommandLine;
using System.CommandLine.Help;
using WorldProbe.Cli.Commands;
using WorldProbe.Compute;

namespace WorldProbe.Cli;

/// <summary>The `worldprobe` command tree. Each command group lives in Commands/.</summary>
public static class WorldProbeCommandLine
{
    /// <summary>Builds the root command with every subcommand.</summary>
    public static Command Build()
    {
        // A plain command named like the launcher, so that help reads "worldprobe ..." rather than the assembly's name.
        var root = new Command("worldprobe",
            "WorldProbe: find world models inside sequence models (Othello-GPT board probes and interventions; " +
            "space and time probes of language models).")
        {
            new HelpOption(),
            new VersionOption(),
        };
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(MachineCommand.Create());
        root.Subcommands.Add(OthelloCommand.Create());
        root.Subcommands.Add(SpaceCommand.Create());
        root.Subcommands.Add(ModelCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; returns 0 (ok), 1 (a check failed) or 2 (bad usage or input).</summary>
    public static int Run(string[] args)
    {
        TorchRuntime.Initialize();
        var parse = Build().Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors) System.Console.Error.WriteLine($"worldprobe: {error.Message}");
            System.Console.Error.WriteLine("Run with --help to see the commands and options.");
            return ExitCodes.BadInput;
        }
        return parse.Invoke();
    }
}
