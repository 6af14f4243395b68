using WorldProbe.Transformers;

namespace WorldProbe.Tests.Transformers;

/// <summary>The vendored Hugging Face fixtures (tests/WorldProbe.Tests/Fixtures/hf).</summary>
static class FixtureModels
{
    public static readonly string[] All = ["llama", "llama_sharded_bf16", "llama31_rope_scaled", "qwen2", "mistral", "gpt2", "gpt_neox", "bert"];

    public static string Folder(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "hf", name);

    public static Transformer Load(string name, ModelLoadOptions? options = null) => TransformerLoader.Load(Folder(name), options);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (string name in All) data.Add(name);
        return data;
    }
}
