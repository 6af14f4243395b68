using System.Text.Json.Nodes;
using WorldProbe.Compute;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Transformers;

public class SlidingWindowTests
{
    public SlidingWindowTests() => TorchRuntime.Initialize();

    [Fact]
    public void MistralWindowLimitsHowFarBackATokenCanSee()
    {
        // Window 2: each layer reaches back 1 token, so after 2 layers position t sees t-2..t only.
        using var folder = new TemporaryFolder();
        string source = FixtureModels.Folder("mistral");
        File.Copy(Path.Combine(source, "model.safetensors"), folder.File("model.safetensors"));
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(source, "config.json")))!.AsObject();
        config["sliding_window"] = 2;
        File.WriteAllText(folder.File("config.json"), config.ToJsonString());
        using var model = TransformerLoader.Load(folder.Path);
        Assert.Equal(2, model.Config.SlidingWindow);
        Assert.Equal(2, model.Config.NLayers);

        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var ids = randint(3, 512, [1, 8], dtype: ScalarType.Int64, generator: new Generator(4));
        var changed = ids.clone();
        changed[0, 0] = tensor(1L);
        var a = model.Forward(ids);
        var b = model.Forward(changed);
        var difference = a.sub(b).abs().amax([0, 2]); // [pos]
        Assert.True(difference[2].item<float>() > 1e-4, "position 2 still sees position 0 through two layers");
        for (int t = 3; t < 8; t++) Assert.Equal(0f, difference[t].item<float>());
    }
}
