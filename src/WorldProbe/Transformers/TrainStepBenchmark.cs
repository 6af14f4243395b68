using System.Diagnostics;
using TorchSharp;
using WorldProbe.Compute;
using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>
/// Times a training step (forward, cross-entropy, backward, AdamW) of a Llama-shaped model and expresses it as
/// model-FLOPs utilization: 6 x parameters x tokens per second over the machine's fp32 2048 x 2048 matmul rate.
/// Parameters exclude the token embedding table, which is a lookup rather than a matrix product.
/// </summary>
public static class TrainStepBenchmark
{
    /// <summary>The benchmarked shape.</summary>
    /// <param name="Layers">Blocks.</param>
    /// <param name="DModel">Residual width.</param>
    /// <param name="Heads">Attention heads.</param>
    /// <param name="DMlp">SwiGLU hidden width.</param>
    /// <param name="Context">Tokens per sequence.</param>
    /// <param name="Batch">Sequences per step.</param>
    /// <param name="Vocab">Vocabulary.</param>
    public sealed record Shape(int Layers = 8, int DModel = 512, int Heads = 8, int DMlp = 1408, int Context = 64, int Batch = 32, int Vocab = 512)
    {
        /// <summary>The shape: 8 x 512, 8 heads, SwiGLU 1408, context 64, batch 32, vocab 512.</summary>
        public static Shape Default { get; } = new();

        /// <summary>The Llama-style configuration of this shape.</summary>
        public TransformerConfig ToConfig() => new()
        {
            Architecture = "llama",
            VocabSize = Vocab,
            DModel = DModel,
            NLayers = Layers,
            NHeads = Heads,
            DHead = DModel / Heads,
            DMlp = DMlp,
            Context = Context,
            Norm = NormKind.RmsNorm,
            NormEps = 1e-6,
            GatedMlp = true,
            Activation = Activation.Silu,
            MlpBias = false,
            QkvBias = false,
            AttentionOutBias = false,
            Positions = PositionKind.Rotary,
            Rotary = new RotaryConfig(10000, DModel / Heads),
        };
    }

    /// <summary>Measured rates.</summary>
    /// <param name="Parameters">Parameters counted for FLOPs (without the token embedding).</param>
    /// <param name="StepSeconds">Wall-clock seconds of the step with the best utilization.</param>
    /// <param name="TokensPerSecond">Tokens trained per second in that step.</param>
    /// <param name="ModelGFlops">6 x parameters x tokens per second, in GFLOP/s.</param>
    /// <param name="MatmulGFlops">fp32 2048 x 2048 matmul rate measured just before that step.</param>
    /// <param name="Mfu">ModelGFlops / MatmulGFlops (wall clock).</param>
    /// <param name="StepCpuSeconds">Process CPU seconds of the cheapest step.</param>
    /// <param name="MfuCpuTime">The same ratio in CPU time (model FLOPs per CPU second over matmul FLOPs per CPU second): unaffected by other programs sharing the cores.</param>
    /// <param name="Threads">libtorch threads.</param>
    public sealed record Result(long Parameters, double StepSeconds, double TokensPerSecond, double ModelGFlops, double MatmulGFlops, double Mfu,
        double StepCpuSeconds, double MfuCpuTime, int Threads);

    /// <summary>Runs 2 warm-up steps and <paramref name="steps"/> timed steps of the Llama shape.</summary>
    public static Result Run(Shape shape, int steps, Device? device = null) => Run(shape.ToConfig(), shape.Batch, steps, device);

    /// <summary>
    /// Runs 2 warm-up steps and <paramref name="steps"/> timed steps of any model shape (for example an
    /// Othello-GPT preset) on <paramref name="batch"/> random sequences of its full context.
    /// </summary>
    public static Result Run(TransformerConfig config, int batch, int steps, Device? device = null)
    {
        if (steps < 1) throw new WorldProbeException($"--steps {steps}: time at least one step.");
        TorchRuntime.Initialize();
        device ??= CPU;
        using var model = new Transformer(config, device);
        model.InitializeWeights(seed: 1);
        model.train();
        using var optimizer = optim.AdamW(model.parameters(), lr: 1e-4);
        var generator = new Generator(2, device);
        var tokens = randint(0, config.VocabSize, [batch, config.Context + 1], dtype: ScalarType.Int64, device: device, generator: generator);
        var input = tokens.narrow(1, 0, config.Context);
        var target = tokens.narrow(1, 1, config.Context);
        long parameters = model.ParameterCount - model.TokenEmbeddings.numel();
        double flopsPerStep = 6.0 * parameters * batch * config.Context;
        // The matmul rate is measured just before each timed step, so a machine shared with other work
        // slows numerator and denominator alike; the best step-rate pair is reported.
        (double Step, double Rate) best = (double.MaxValue, 1);
        double bestCpu = double.MaxValue;
        for (int i = 0; i < steps + 2; i++)
        {
            double rate = i >= 2 ? MatmulRate.Measure(2048, ScalarType.Float32, repeats: 3, device: device) : 1;
            var cpuBefore = CpuSeconds();
            var watch = Stopwatch.StartNew();
            using (var scope = NewDisposeScope())
            {
                optimizer.zero_grad();
                var logits = model.forward(input); // [batch, pos, vocab]
                var loss = nn.functional.cross_entropy(logits.reshape(-1, config.VocabSize), target.reshape(-1));
                loss.backward();
                optimizer.step();
                loss.item<float>();
            }
            double seconds = watch.Elapsed.TotalSeconds, cpu = CpuSeconds() - cpuBefore;
            if (i < 2) continue;
            if (flopsPerStep / seconds / rate > flopsPerStep / best.Step / best.Rate) best = (seconds, rate);
            bestCpu = Math.Min(bestCpu, cpu);
        }
        double tokensPerSecond = (double)batch * config.Context / best.Step;
        double modelGFlops = flopsPerStep / best.Step / 1e9;
        double matmulPerCpuSecond = MatmulFlopsPerCpuSecond(device);
        return new Result(parameters, Math.Round(best.Step, 4), Math.Round(tokensPerSecond, 1), Math.Round(modelGFlops, 2), Math.Round(best.Rate, 2),
            Math.Round(modelGFlops / best.Rate, 3), Math.Round(bestCpu, 3), Math.Round(flopsPerStep / bestCpu / matmulPerCpuSecond, 3), get_num_threads());
    }

    static double CpuSeconds()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalSeconds;
    }

    static double MatmulFlopsPerCpuSecond(Device device)
    {
        using var scope = NewDisposeScope();
        var a = randn(2048, 2048, device: device);
        var b = randn(2048, 2048, device: device);
        a.matmul(b).Dispose();
        double best = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            double before = CpuSeconds();
            a.matmul(b).Dispose();
            best = Math.Min(best, CpuSeconds() - before);
        }
        return 2.0 * 2048 * 2048 * 2048 / best;
    }
}
