using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WorldProbe.Transformers.Reference;
using WorldProbe.Transformers.Tokenization;

namespace WorldProbe.Bench;

/// <summary>
/// all-MiniLM-L6-v2 forward (last_hidden_state) with ONNX Runtime on CPU: the baseline WorldProbe's
/// own BERT runtime is measured against (target: at least 0.8x its tokens per second).
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser(false)]
public class MiniLmOnnxBenchmarks
{
    OnnxBertReference reference = null!;
    PaddedBatch batch = null!;

    [Params(1, 32)]
    public int BatchSize { get; set; }

    /// <summary>Compute threads (intra-op): on a loaded 2-core machine 1 can beat 2, since idle threads spin.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        batch = MiniLmBatches.Build(BatchSize);
        Console.WriteLine($"// MiniLM batch: {batch.BatchSize} rows x {batch.Length} positions, {batch.TokenCount} real tokens");
        reference = OnnxBertReference.MiniLm(Threads);
    }

    [GlobalCleanup]
    public void Cleanup() => reference.Dispose();

    [Benchmark]
    public float[] OnnxRuntimeForward() => reference.LastHiddenState(batch);

    sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(new TokensPerSecondColumn());
    }
}
