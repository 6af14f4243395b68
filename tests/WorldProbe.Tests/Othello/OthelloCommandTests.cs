using WorldProbe.Cli;
using WorldProbe.Othello;

namespace WorldProbe.Tests.Othello;

/// <summary>`worldprobe othello ...` run in-process: output format and exit codes.</summary>
[Collection("console")]
public class OthelloCommandTests
{
    static CliRun Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void PerftPrintsOneDepthCountLinePerDepth()
    {
        var (code, output, _) = Run("othello", "perft", "--depth", "6");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal(["1 4", "2 12", "3 56", "4 244", "5 1396", "6 8200"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()));
    }

    [Fact]
    public void GenerateWritesACorpusAndHelpStatesTheSemantics()
    {
        using var temp = new TempFolder();
        string path = temp.File("games.wpg");
        var (code, _, _) = Run("othello", "generate", "--games", "1000", "--seed", "5", "--out", path, "--exclude-opening", "c4");
        Assert.Equal(ExitCodes.Ok, code);
        using (var corpus = GameCorpus.Open(path))
        {
            Assert.Equal(1000, corpus.Count);
            Assert.Equal("5", corpus.Settings["seed"]);
        }
        var (_, help, _) = Run("othello", "generate", "--help");
        Assert.Contains("uniformly at random among the legal moves", help);
    }

    // The messages themselves are checked on the library side (the CLI prints them on a console made at start-up).
    [Fact]
    public void BadInputsExitWithCode2AndWriteNothing()
    {
        using var temp = new TempFolder();
        var (code, _, _) = Run("othello", "generate", "--games", "10", "--out", temp.File("x.wpg"), "--exclude-opening", "z9");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.False(File.Exists(temp.File("x.wpg")));

        string corrupt = temp.File("corrupt.wtb");
        File.WriteAllBytes(corrupt, new byte[40]);
        string output = temp.File("out.wpg");
        (code, _, _) = Run("othello", "import", corrupt, "--out", output);
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.False(File.Exists(output));

        (code, _, _) = Run("othello", "info", temp.File("missing.wpg"));
        Assert.Equal(ExitCodes.BadInput, code);
    }
}
