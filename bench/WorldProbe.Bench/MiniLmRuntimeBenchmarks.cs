using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using WorldProbe.Compute;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Import;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.Bench;

/// <summary>
/// all-MiniLM-L6-v2 forward with WorldProbe's own runtime (TorchSharp, CPU, fp32) on the same batches
/// as <see cref="MiniLmOnnxBenchmarks"/>; the target is at least 0.8x ONNX Runtime's tokens per second.
/// </summary>
[Config(typeof(Configuration))]
[MemoryDiagnoser(false)]
public class MiniLmRuntimeBenchmarks
{
    Transformer model = null!;
    PaddedBatch batch = null!;
    Tensor ids = null!, mask = null!, types = null!;

    [Params(1, 32)]
    public int BatchSize { get; set; }

    /// <summary>Compute threads (intra-op): on a loaded 2-core machine 1 can beat 2, since idle threads spin.</summary>
    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize();
        set_num_threads(Threads);
        batch = MiniLmBatches.Build(BatchSize);
        Console.WriteLine($"// MiniLM batch: {batch.BatchSize} rows x {batch.Length} positions, {batch.TokenCount} real tokens");
        model = TransformerLoader.Load(EmbeddedModels.Resolve("minilm"));
        long[] shape = [batch.BatchSize, batch.Length];
        ids = tensor(batch.InputIds, shape);
        mask = tensor(batch.AttentionMask, shape);
        types = tensor(batch.TokenTypeIds, shape);
    }

    [GlobalCleanup]
    public void Cleanup() => model.Dispose();

    [Benchmark]
    public void RuntimeForward()
    {
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        model.Forward(ids, mask, tokenTypeIds: types);
    }

    sealed class Configuration : ManualConfig
    {
        public Configuration() => AddColumn(new TokensPerSecondColumn());
    }
}
