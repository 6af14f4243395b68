using WorldProbe.Cli;
using WorldProbe.Cli.Commands;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>`space extract | merge | probe` argument handling, in-process: bad input exits with code 2 and a message naming the fix.</summary>
[Collection("console")]
public class SpaceProbeCommandTests
{
    static (int Code, string Error) Run(params string[] args)
    {
        var run = InProcessCli.Run(args);
        return (run.Code, run.Error);
    }

    [Fact]
    public void BadInputExitsWithUsageError()
    {
        string missing = Path.Combine(Path.GetTempPath(), "worldprobe-no-such-store-" + Guid.NewGuid().ToString("N"));
        var (code, error) = Run("space", "probe", "--store", missing, "--out", missing + "-out");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("space extract", error);

        (code, error) = Run("space", "extract", "--model", "minilm", "--dataset", "world_place", "--prompt", "nope", "--out", missing, "--shard", "3/2");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("--shard 3/2", error);

        (code, error) = Run("space", "merge", "--out", missing + "-merged", missing);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("not an activation store", error);
    }

    [Theory]
    [InlineData("0,3,6", new[] { 0, 3, 6 })]
    [InlineData("2-4", new[] { 2, 3, 4 })]
    [InlineData("6, 0-1", new[] { 0, 1, 6 })]
    public void LayerLists(string text, int[] expected) => Assert.Equal(expected, SpaceProbeCommands.ParseLayers(text));

    [Fact]
    public void BadLayerListIsAnError() => Assert.Throws<WorldProbeException>(() => SpaceProbeCommands.ParseLayers("3-1"));
}
