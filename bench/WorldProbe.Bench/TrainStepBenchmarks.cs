using BenchmarkDotNet.Attributes;
using TorchSharp;
using WorldProbe.Compute;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Bench;

/// <summary>
/// One training step (forward, cross-entropy, backward, AdamW) of the Llama-shaped model of issue 4:
/// 8 layers, d_model 512, 8 heads, SwiGLU 1408, context 64, batch 32, vocab 512. Model-FLOPs utilization =
/// 6 x parameters x tokens / step time / MatmulRate.Measure(); `worldprobe model bench-train-step` prints it.
/// </summary>
[MemoryDiagnoser(false)]
public class TrainStepBenchmarks
{
    Transformer model = null!;
    optim.Optimizer optimizer = null!;
    Tensor input = null!, target = null!;
    readonly TrainStepBenchmark.Shape shape = TrainStepBenchmark.Shape.Default;

    [GlobalSetup]
    public void Setup()
    {
        TorchRuntime.Initialize();
        model = new Transformer(shape.ToConfig());
        model.InitializeWeights(seed: 1);
        model.train();
        optimizer = optim.AdamW(model.parameters(), lr: 1e-4);
        var tokens = randint(0, shape.Vocab, [shape.Batch, shape.Context + 1], dtype: ScalarType.Int64, generator: new Generator(2));
        input = tokens.narrow(1, 0, shape.Context);
        target = tokens.narrow(1, 1, shape.Context);
        long parameters = model.ParameterCount - model.TokenEmbeddings.numel();
        Console.WriteLine($"// flops per step: {6.0 * parameters * shape.Batch * shape.Context / 1e9:F1} GFLOP; matmul rate {MatmulRate.Measure():F1} GFLOP/s; MFU = flops per step / (step seconds x rate)");
    }

    [Benchmark]
    public float TrainingStep()
    {
        using var scope = NewDisposeScope();
        optimizer.zero_grad();
        var logits = model.forward(input); // [batch, pos, vocab]
        var loss = nn.functional.cross_entropy(logits.reshape(-1, shape.Vocab), target.reshape(-1));
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
