using System.Text.Json;

namespace WorldProbe.Tests.Tokenizers;

/// <summary>The vendored tokenizer fixtures and the ids transformers gave for them.</summary>
static class TokenizerFixture
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Fixtures", "tokenizers");

    static readonly Lazy<JsonElement> Expected = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "expected.json"))).RootElement);

    public static string[] Strings => [.. Expected.Value.GetProperty("strings").EnumerateArray().Select(s => s.GetString()!)];

    public static int[] Ids(string tokenizer, string variant, int index) =>
        [.. Expected.Value.GetProperty(tokenizer).GetProperty(variant)[index].EnumerateArray().Select(i => i.GetInt32())];

    public static IEnumerable<object[]> Indices => Enumerable.Range(0, 16).Select(i => new object[] { i });
}
