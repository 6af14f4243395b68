using WorldProbe.Runs;

namespace WorldProbe.Tests.Foundation;

public class AtomicFileTests
{
    [Fact]
    public void WriterFailureLeavesNoFileAndNoTemporary()
    {
        string directory = Directory.CreateTempSubdirectory("wp-atomic-").FullName;
        string path = Path.Combine(directory, "out.bin");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[1000]);
            throw new InvalidOperationException("killed half way");
        }));
        Assert.Empty(Directory.GetFiles(directory));
    }

    [Fact]
    public void ReplacesExistingFileWhole()
    {
        string directory = Directory.CreateTempSubdirectory("wp-atomic-").FullName;
        string path = Path.Combine(directory, "out.txt");
        AtomicFile.WriteAllText(path, "first version, longer than the second");
        AtomicFile.WriteAllText(path, "second");
        Assert.Equal("second", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(directory));
    }

    [Fact]
    public void StaleTemporariesFromAKilledRunAreCleaned()
    {
        string directory = Directory.CreateTempSubdirectory("wp-atomic-").FullName;
        File.WriteAllText(Path.Combine(directory, ".out.bin.123.abc.tmp"), "partial");
        File.WriteAllText(Path.Combine(directory, "keep.bin"), "whole");
        Assert.Equal(1, AtomicFile.CleanStaleTemporaries(directory));
        Assert.Equal(["keep.bin"], Directory.GetFiles(directory).Select(Path.GetFileName));
    }

    [Fact]
    public void ManifestRoundTrips()
    {
        string directory = Directory.CreateTempSubdirectory("wp-manifest-").FullName;
        var manifest = new RunManifest
        {
            CommandLine = "worldprobe othello generate --games 10",
            Seed = 42,
            Details = new Dictionary<string, string> { ["games"] = "10" },
        };
        manifest.WriteTo(directory);
        var read = RunManifest.ReadFrom(directory);
        Assert.Equal(manifest.CommandLine, read.CommandLine);
        Assert.Equal(42, read.Seed);
        Assert.Equal("10", read.Details["games"]);
        Assert.Equal(manifest.StartedUtc, read.StartedUtc);
        Assert.Equal(BuildInfo.Version, read.Version);
    }
}
