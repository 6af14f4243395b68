using BenchmarkDotNet.Attributes;
using WorldProbe.Compute;
using static TorchSharp.torch;

namespace WorldProbe.Bench;

/// <summary>The 2048 x 2048 matrix product, fp32 and bf16: the denominator of every MFU figure.</summary>
[MemoryDiagnoser(false)]
public class MatmulBenchmarks
{
    Tensor a = null!, b = null!;

    [Params(ScalarType.Float32, ScalarType.BFloat16)]
    public ScalarType DType { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize();
        a = randn(2048, 2048, dtype: DType);
        b = randn(2048, 2048, dtype: DType);
    }

    [Benchmark]
    public void Matmul2048() => a.matmul(b).Dispose();
}
