using WorldProbe.Activations;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Extraction;
using WorldProbe.SpaceTime.Prompts;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Tokenization;
using WorldProbe.Tests.MiniLM;
using static TorchSharp.torch;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// Extraction with the real MiniLM on 48 world places: a killed and resumed run, and two merged
/// shards, give byte-identical files to one uninterrupted run; the stored rows equal a plain forward
/// pass at the probed token; bad input fails clearly.
/// </summary>
[Collection(MiniLmCollection.Name)]
public sealed class ExtractionTests(MiniLmFixture minilm) : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("worldprobe-extract-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    // 48 entities, batches of 4, 3 batches per chunk: 4 chunks.
    SpaceExtractionOptions Options(string name, ShardSpec? shard = null) =>
        new("minilm", "world_place", null, Path.Combine(root, name), Layers: [0, 3, 6], BatchSize: 4, Shard: shard ?? ShardSpec.Whole,
            MaxEntities: 48, CacheRoot: minilm.CacheRoot, BatchesPerChunk: 3);

    static Dictionary<string, byte[]> DataFiles(string store) =>
        Directory.EnumerateFiles(store, "*.npy", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(store, f), File.ReadAllBytes);

    static void AssertSameFiles(string expected, string actual)
    {
        var a = DataFiles(expected);
        var b = DataFiles(actual);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.Equal(4 * 4, a.Count); // 3 layers + rows, 4 chunks
        foreach (var (file, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[file]), $"{file} differs");
    }

    /// <summary>Cancels the run once <paramref name="rows"/> rows are done (the writer stops before the next chunk, as a kill between chunks would).</summary>
    sealed class StopAfter(int rows, CancellationTokenSource stop) : IProgressSink, IProgressTask
    {
        double done;
        public IProgressTask Start(string description, double total, string unit) => this;
        public void Advance(double units) { if ((done += units) >= rows) stop.Cancel(); }
        public void SetDescription(string description) { }
        public void Dispose() { }
    }

    [Fact]
    public void KilledAndResumedRunEqualsAnUninterruptedOne_AndShardsMergeToIt()
    {
        var whole = SpaceExtraction.Run(Options("whole"), IProgressSink.Silent);
        Assert.Equal(4, whole.Manifest.ChunkCount);
        Assert.Equal(48, whole.Rows);
        Assert.Equal("minilm", whole.Manifest.Model);
        Assert.Equal("coords", whole.Manifest.Prompt);
        Assert.Equal("float16", whole.Manifest.StoreDType);
        Assert.Equal("WordPiece", whole.Manifest.Settings["tokenizer_kind"]);

        using (var stop = new CancellationTokenSource())
            Assert.ThrowsAny<OperationCanceledException>(() => SpaceExtraction.Run(Options("killed"), new StopAfter(12, stop), stop.Token));
        var partial = ActivationStoreManifest.TryRead(Path.Combine(root, "killed"))!;
        Assert.Single(partial.Chunks);
        string stale = Path.Combine(root, "killed", "layer_003", ".chunk_00001.npy.0badc0de.tmp");
        File.WriteAllText(stale, "half-written"); // what a kill in the middle of a chunk leaves
        var resumed = SpaceExtraction.Run(Options("killed"), IProgressSink.Silent);
        Assert.Equal(36, resumed.Rows); // the finished chunk was kept
        Assert.False(File.Exists(stale));
        AssertSameFiles(Path.Combine(root, "whole"), Path.Combine(root, "killed"));

        SpaceExtraction.Run(Options("shard0", new ShardSpec(0, 2)), IProgressSink.Silent);
        SpaceExtraction.Run(Options("shard1", new ShardSpec(1, 2)), IProgressSink.Silent);
        var merged = ActivationStoreMerger.Merge([Path.Combine(root, "shard0"), Path.Combine(root, "shard1")], Path.Combine(root, "merged"));
        Assert.Null(merged.Shard);
        Assert.True(merged.SameExtractionAs(whole.Manifest));
        AssertSameFiles(Path.Combine(root, "whole"), Path.Combine(root, "merged"));
    }

    [Fact]
    public void StoredRowsEqualAPlainForwardAtTheProbedToken()
    {
        var options = Options("check") with { Layers = [6], StoreDType = ScalarType.Float32, MaxEntities = 8 };
        SpaceExtraction.Run(options, IProgressSink.Silent);
        var stored = ActivationStore.Open(options.Output).ReadLayer(6); // [8, 384]
        var dataset = SpaceExtraction.Subset(SpaceTimeDatasets.Load("world_place"), 8);
        using var tokenizer = TokenizerLoader.Load(minilm.Folder);
        using var model = TransformerLoader.Load(minilm.Folder);
        using var noGrad = no_grad();
        for (int i = 0; i < 8; i++)
        {
            var encoded = EncodedPrompt.Encode(tokenizer, PromptCatalog.Render(PromptCatalog.Get("coords"), dataset.Entities[i]));
            var hidden = model.Forward(tensor(encoded.Ids).unsqueeze(0)); // [1, pos, 384]: unpadded, alone
            var expected = hidden[0, encoded.ProbedIndex];
            double difference = (stored[i] - expected).abs().max().item<float>();
            Assert.True(difference < 1e-4, $"row {i}: padded batch differs from the lone sequence by {difference}");
        }
    }

    [Fact]
    public void BadInputIsAClearError()
    {
        Assert.Contains("prompt", Assert.Throws<WorldProbeException>(() => SpaceExtraction.Run(Options("bad") with { Prompt = "where_nyc" }, IProgressSink.Silent)).Message);
        var noTokenizer = Path.Combine(AppContext.BaseDirectory, "Fixtures", "hf", "gpt2");
        Assert.Contains("tokenizer", Assert.Throws<WorldProbeException>(() => SpaceExtraction.Run(Options("bad") with { Model = noTokenizer }, IProgressSink.Silent)).Message);
        Assert.Contains("layer 9", Assert.Throws<WorldProbeException>(() => SpaceExtraction.Run(Options("bad") with { Layers = [9] }, IProgressSink.Silent)).Message);

        SpaceExtraction.Run(Options("corrupt") with { MaxEntities = 8 }, IProgressSink.Silent);
        File.WriteAllText(Path.Combine(root, "corrupt", ActivationStoreManifest.FileName), "{ not json");
        Assert.Contains("corrupt", Assert.Throws<WorldProbeException>(() => SpaceExtraction.Run(Options("corrupt") with { MaxEntities = 8 }, IProgressSink.Silent)).Message);
        Assert.Contains("corrupt", Assert.Throws<WorldProbeException>(() => ActivationStore.Open(Path.Combine(root, "corrupt"))).Message);
    }
}
