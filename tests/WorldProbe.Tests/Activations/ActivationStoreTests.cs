using System.Text;
using System.Text.RegularExpressions;
using WorldProbe.Activations;
using WorldProbe.Compute;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Tests.Activations;

public class ActivationStoreTests
{
    const int DModel = 24;
    static readonly int[] Layers = [0, 2, 3];

    public ActivationStoreTests() => TorchRuntime.Initialize();

    /// <summary>Activations that are a known function of (layer, row): row r, layer l -> sin((r + 1) * (l + 1) * k / 7).</summary>
    sealed class PlantedSource(int failAfterBatches = int.MaxValue) : IActivationSource
    {
        int batches;
        public int DModel => ActivationStoreTests.DModel;

        public Tensor Run(int[] rows)
        {
            if (batches++ >= failAfterBatches) throw new OperationCanceledException("killed");
            return Expected(rows);
        }
    }

    static Tensor Expected(int[] rows)
    {
        var r = tensor(rows.Select(x => (float)x + 1).ToArray()).reshape(1, -1, 1);          // [1, batch, 1]
        var l = tensor(Layers.Select(x => (float)x + 1).ToArray()).reshape(-1, 1, 1);        // [layers, 1, 1]
        var k = arange(DModel, dtype: ScalarType.Float32).reshape(1, 1, -1);                 // [1, 1, d_model]
        return (r * l * k / 7f).sin();                                                        // [layers, batch, d_model]
    }

    static (BatchPlan Plan, string[] Ids) Dataset(int rows = 203)
    {
        var random = new Random(5);
        int[] lengths = Enumerable.Range(0, rows).Select(_ => random.Next(3, 12)).ToArray();
        return (BatchPlan.Create(lengths, batchSize: 8, batchesPerChunk: 3), Enumerable.Range(0, rows).Select(i => $"e{i}").ToArray());
    }

    static ExtractionSettings Settings(ScalarType dtype = ScalarType.Float16) =>
        new("planted", "toy", "empty", dtype, Layers, BatchSize: 8, BatchesPerChunk: 3);

    static string NewFolder() => Directory.CreateTempSubdirectory("wp-store-").FullName;

    static ActivationStoreManifest Extract(string folder, IActivationSource source, ShardSpec? shard = null, ScalarType dtype = ScalarType.Float16)
    {
        var (plan, ids) = Dataset();
        return ActivationStoreWriter.Extract(folder, Settings(dtype), plan, ids, source, shard ?? ShardSpec.Whole, IProgressSink.Silent);
    }

    static Dictionary<string, byte[]> DataFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.npy", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    static void AssertSameFiles(string expected, string actual)
    {
        var a = DataFiles(expected);
        var b = DataFiles(actual);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        foreach (var (name, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[name]), $"{name} differs");
    }

    [Fact]
    public void RowsComeBackInDatasetOrderWithTheirValues()
    {
        string folder = NewFolder();
        Extract(folder, new PlantedSource(), dtype: ScalarType.Float32);
        var store = ActivationStore.Open(folder);
        Assert.Equal(Enumerable.Range(0, 203), store.Rows);
        Assert.Equal("e17", store.EntityIds[17]);
        var expected = Expected(store.Rows);
        for (int l = 0; l < Layers.Length; l++)
            Assert.True(store.ReadLayer(Layers[l]).allclose(expected[l], rtol: 0, atol: 0), $"layer {Layers[l]} differs");
        Assert.Empty(store.Verify());
    }

    [Fact]
    public void Float16StoreRoundsEachValueOnce()
    {
        string folder = NewFolder();
        Extract(folder, new PlantedSource());
        var layer = ActivationStore.Open(folder).ReadLayer(2);
        var expected = Expected(Enumerable.Range(0, 203).ToArray())[1].to(ScalarType.Float16).to(ScalarType.Float32);
        Assert.True(layer.allclose(expected, rtol: 0, atol: 0));
    }

    [Fact]
    public void KilledAndResumedExtractionIsByteIdentical()
    {
        string whole = NewFolder();
        Extract(whole, new PlantedSource());

        string resumed = NewFolder();
        // Killed in the middle of the third chunk (after 7 batches of 3-batch chunks).
        Assert.Throws<OperationCanceledException>(() => Extract(resumed, new PlantedSource(failAfterBatches: 7)));
        Assert.Equal(2, ActivationStoreManifest.TryRead(resumed)!.Chunks.Count);
        // What a SIGKILL can leave behind: a temporary file, and a chunk file the manifest never recorded.
        File.WriteAllText(Path.Combine(resumed, ".manifest.json.999.dead.tmp"), "{ half");
        File.Copy(Path.Combine(whole, StoreLayout.LayerChunk(0, 2)), Path.Combine(resumed, StoreLayout.LayerChunk(0, 2)));
        var source = new PlantedSource();
        Extract(resumed, source);

        AssertSameFiles(whole, resumed);
        Assert.Empty(Directory.GetFiles(resumed, "*.tmp"));
        var a = ActivationStoreManifest.TryRead(whole)!;
        var b = ActivationStoreManifest.TryRead(resumed)!;
        Assert.Equal(a.Chunks.Select(c => c.Sha256.Values.ToArray()), b.Chunks.Select(c => c.Sha256.Values.ToArray()));
    }

    [Fact]
    public void MergedShardsEqualOneRun()
    {
        string whole = NewFolder();
        Extract(whole, new PlantedSource());
        var shards = Enumerable.Range(0, 3).Select(i =>
        {
            string folder = NewFolder();
            Extract(folder, new PlantedSource(), new ShardSpec(i, 3));
            Assert.Throws<WorldProbeException>(() => ActivationStore.Open(folder));
            return folder;
        }).ToList();
        string merged = NewFolder();
        ActivationStoreMerger.Merge(shards, merged);
        AssertSameFiles(whole, merged);
        Assert.True(ActivationStore.Open(merged).ReadLayer(3).allclose(ActivationStore.Open(whole).ReadLayer(3), rtol: 0, atol: 0));

        var error = Assert.Throws<WorldProbeException>(() => ActivationStoreMerger.Merge(shards.Take(2).ToList(), NewFolder()));
        Assert.Contains("missing", error.Message);
    }

    [Fact]
    public void ResumingWithOtherSettingsIsRefused()
    {
        string folder = NewFolder();
        Extract(folder, new PlantedSource());
        var error = Assert.Throws<WorldProbeException>(() => Extract(folder, new PlantedSource(), dtype: ScalarType.Float32));
        Assert.Contains(folder, error.Message);
    }

    [Fact]
    public void CorruptChunkIsDetected()
    {
        string folder = NewFolder();
        Extract(folder, new PlantedSource());
        string victim = Path.Combine(folder, StoreLayout.LayerChunk(2, 1));
        byte[] bytes = File.ReadAllBytes(victim);
        bytes[^1] ^= 0xff;
        File.WriteAllBytes(victim, bytes);
        Assert.Equal([StoreLayout.LayerChunk(2, 1)], ActivationStore.Open(folder).Verify());
        File.WriteAllBytes(victim, bytes[..^10]);
        var error = Assert.Throws<WorldProbeException>(() => ActivationStore.Open(folder).ReadLayer(2));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void NpyFilesFollowNumpyHeaderRules()
    {
        string folder = NewFolder();
        Extract(folder, new PlantedSource());
        foreach (string path in Directory.EnumerateFiles(folder, "*.npy", SearchOption.AllDirectories))
        {
            // Parse the header here, independently of NpyFile: format 1.0 as numpy.lib.format defines it.
            byte[] bytes = File.ReadAllBytes(path);
            Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }, bytes[..8]);
            int headerLength = bytes[8] | bytes[9] << 8;
            Assert.Equal(0, (10 + headerLength) % 64);
            string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
            Assert.EndsWith("\n", header);
            var match = Regex.Match(header, @"^\{'descr': '(<f2|<i8)', 'fortran_order': False, 'shape': \((\d+), ?(\d*)\), \} *\n$");
            Assert.True(match.Success, header);
            int itemSize = match.Groups[1].Value == "<f2" ? 2 : 8;
            long count = long.Parse(match.Groups[2].Value) * (match.Groups[3].Value.Length > 0 ? long.Parse(match.Groups[3].Value) : 1);
            Assert.Equal(10 + headerLength + count * itemSize, bytes.Length);
        }
    }

    [Fact]
    public void BatchPlanSortsByLengthAndShardsCoverEveryChunkOnce()
    {
        var (plan, _) = Dataset();
        var lengths = new Random(5);
        int[] expectedLengths = Enumerable.Range(0, 203).Select(_ => lengths.Next(3, 12)).ToArray();
        int[] order = plan.Batches.SelectMany(b => b).ToArray();
        Assert.Equal(Enumerable.Range(0, 203), order.Order());
        for (int i = 1; i < order.Length; i++)
            Assert.True((expectedLengths[order[i - 1]], order[i - 1]).CompareTo((expectedLengths[order[i]], order[i])) < 0);
        Assert.All(plan.Batches.SkipLast(1), b => Assert.Equal(8, b.Length));
        for (int n = 1; n <= plan.Chunks.Count + 2; n++)
        {
            var covered = Enumerable.Range(0, n).SelectMany(i =>
            {
                var (offset, length) = plan.ChunksOf(new ShardSpec(i, n)).GetOffsetAndLength(plan.Chunks.Count);
                return Enumerable.Range(offset, length);
            });
            Assert.Equal(Enumerable.Range(0, plan.Chunks.Count), covered);
        }
        Assert.Equal(plan.Hash, Dataset().Plan.Hash);
    }

    [Theory]
    [InlineData("2/2")]
    [InlineData("a/3")]
    [InlineData("1")]
    [InlineData("-1/2")]
    public void BadShardSpecsAreRejected(string text) => Assert.Throws<WorldProbeException>(() => ShardSpec.Parse(text));
}
