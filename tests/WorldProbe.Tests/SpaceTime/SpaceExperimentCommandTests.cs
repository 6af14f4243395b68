using WorldProbe.Cli;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>`space probe --experiment`: unknown names and missing stores exit with code 2 and say what to do.</summary>
[Collection("console")]
public class SpaceExperimentCommandTests
{
    [Fact]
    public void BadExperimentInputExitsWithUsageError()
    {
        string missing = Path.Combine(Path.GetTempPath(), "worldprobe-no-such-store-" + Guid.NewGuid().ToString("N"));
        var run = InProcessCli.Run("space", "probe", "--store", missing, "--out", missing + "-out", "--experiment", "nope");
        Assert.Equal(ExitCodes.BadInput, run.Code);
        Assert.Contains("block-holdout", run.Error);

        run = InProcessCli.Run("space", "probe", "--store", missing, "--out", missing + "-out", "--experiment", "pca");
        Assert.Equal(ExitCodes.BadInput, run.Code);
        Assert.Contains("space extract", run.Error);
        if (Directory.Exists(missing + "-out")) Directory.Delete(missing + "-out", recursive: true);
    }
}
