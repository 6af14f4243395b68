using WorldProbe.Cli;

namespace WorldProbe.Tests.Foundation;

/// <summary>The CLI's contract: exit codes and messages, run in-process.</summary>
[Collection("console")]
public class CommandLineTests
{
    static CliRun Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void HelpListsCommands()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("demo", output);
        Assert.Contains("machine", output);
    }

    [Fact]
    public void UnknownCommandIsBadUsage()
    {
        var (code, _, error) = Run("no-such-command");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("no-such-command", error);
    }

    [Fact]
    public void UnknownDeviceIsBadInputWithAFix()
    {
        var (code, output, error) = Run("machine", "--device", "tpu");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--device tpu", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", output);
    }
}
