using System.Text.Json;
using WorldProbe.Cli;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>`worldprobe space datasets` and `space show`, run in-process.</summary>
[Collection("console")]
public class SpaceCommandTests
{
    static CliRun Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void DatasetsJsonListsEveryDatasetWithCounts()
    {
        var (code, output, _) = Run("space", "datasets", "--json");
        Assert.Equal(ExitCodes.Ok, code);
        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        Assert.Equal(8, rows.Count);
        Assert.Equal(39_585, rows["world_place"].GetProperty("rows").GetInt32());
        Assert.Equal(7_917, rows["world_place"].GetProperty("test").GetInt32());
        Assert.Equal(11_341, rows["pantheon"].GetProperty("rowsRead").GetInt32());
    }

    [Fact]
    public void ShowMarksTheEntitySpan()
    {
        var (code, output, _) = Run("space", "show", "--dataset", "pantheon", "--prompt", "when", "--n", "2");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"When was «Abraham Lincoln» born?\"", output);
        Assert.Contains("\"When was «Aristotle» born?\"", output);
    }

    [Fact]
    public void ShowWithAPromptForAnotherDatasetIsBadInput()
    {
        // The message itself is checked in PromptRenderingTests: CommandAction's error console keeps the
        // stderr writer it first saw, so another test may have captured it.
        var (code, _, _) = Run("space", "show", "--dataset", "nyc_place", "--prompt", "release");
        Assert.Equal(ExitCodes.BadInput, code);
    }
}
