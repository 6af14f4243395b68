using WorldProbe.Cli;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>`worldprobe tokenize`, run in-process.</summary>
[Collection("console")]
public sealed class TokenizeCommandTests
{
    static CliRun Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void PrintsIdsAndSpansAsJson()
    {
        var (code, output, _) = Run("tokenize", "in Paris", "--model", Path.Combine(TokenizerFixture.Folder, "gpt2_bpe"), "--json");
        Assert.Equal(ExitCodes.Ok, code);
        using var document = System.Text.Json.JsonDocument.Parse(output);
        var tokens = document.RootElement.GetProperty("tokens").EnumerateArray().ToArray();
        // " Paris" in the fixture is [376, 290, 272]; " P" covers the space and the P.
        Assert.Equal([376, 290, 272], tokens[^3..].Select(t => t.GetProperty("id").GetInt32()));
        Assert.Equal(" P", tokens[^3].GetProperty("text").GetString());
    }

    [Fact]
    public void MissingFolderIsBadInput()
    {
        var (code, _, error) = Run("tokenize", "x", "--model", "/no/such/model/folder");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("/no/such/model/folder", error);
    }
}
