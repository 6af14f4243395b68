using WorldProbe.Cli;

namespace WorldProbe.Tests.Transformers;

/// <summary>`worldprobe model verify / info`, run in-process.</summary>
[Collection("console")]
public class ModelCommandTests
{
    static CliRun Run(params string[] args) => InProcessCli.Run(args);

    [Fact]
    public void VerifyPassesWithinToleranceAndFailsBelowTheActualError()
    {
        string folder = FixtureModels.Folder("qwen2");
        string reference = Path.Combine(folder, "expected.safetensors");
        var (ok, output, _) = Run("model", "verify", "--model", folder, "--reference", reference);
        Assert.Equal(ExitCodes.Ok, ok);
        Assert.Contains("blocks.2.hook_resid_post", output);
        var (failed, json, _) = Run("model", "verify", "--model", folder, "--reference", reference, "--tolerance", "1e-12", "--json");
        Assert.Equal(ExitCodes.CheckFailed, failed);
        Assert.Contains("\"ok\": false", json);
    }

    [Fact]
    public void InfoNamesArchitectureAndHookPoints()
    {
        var (code, output, _) = Run("model", "info", "--model", FixtureModels.Folder("bert"), "--json");
        Assert.Equal(ExitCodes.Ok, code);
        Assert.Contains("\"architecture\": \"bert\"", output);
        Assert.Contains("blocks.2.hook_mlp_post", output);
        Assert.DoesNotContain("\"logits\"", output);
    }

    [Fact]
    public void MissingModelFolderIsBadInput()
    {
        var (code, _, error) = Run("model", "info", "--model", "/no/such/model");
        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Contains("/no/such/model", error);
    }
}
