using System.CommandLine;
using TorchSharp;
using WorldProbe.Compute;
using WorldProbe.Othello.Training;
using WorldProbe.Transformers;

namespace WorldProbe.Cli.Commands;

/// <summary>`worldprobe model`: inspect a model, check a port against reference activations, time a training step.</summary>
public static class ModelCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Create()
    {
        var command = new Command("model", "Transformer models: info, verify against reference activations, training-step benchmark.");
        command.Subcommands.Add(Info());
        command.Subcommands.Add(Verify());
        command.Subcommands.Add(BenchTrainStep());
        return command;
    }

    static Option<string> ModelOption() => new("--model")
    {
        Description = "A model folder (config.json + *.safetensors) or a TransformerLens Othello-GPT .safetensors file.",
        Required = true,
    };

    static Option<string> DTypeOption() => new("--dtype")
    {
        Description = "Compute dtype: float32 (default), bfloat16, or float64 (for checking a port).",
        DefaultValueFactory = _ => "float32",
    };

    static torch.ScalarType ParseDType(string name, string option = "--dtype") => name.ToLowerInvariant() switch
    {
        "float32" or "fp32" => torch.ScalarType.Float32,
        "bfloat16" or "bf16" => torch.ScalarType.BFloat16,
        "float64" or "fp64" => torch.ScalarType.Float64,
        "float16" or "fp16" => torch.ScalarType.Float16,
        _ => throw new WorldProbeException($"{option} {name}: use float32, bfloat16, float16 or float64."),
    };

    static Command Info()
    {
        var model = ModelOption();
        var json = CommonOptions.Json();
        var command = new Command("info", "Architecture, sizes and hook point names of a model.") { model, json };
        CommandAction.Set(command, parse =>
        {
            var config = TransformerLoader.ReadConfig(parse.GetValue(model)!);
            using var meta = new Transformer(config, torch.META);
            var result = new
            {
                architecture = config.Architecture,
                parameters = meta.ParameterCount,
                layers = config.NLayers,
                dModel = config.DModel,
                heads = config.NHeads,
                keyValueHeads = config.KeyValueHeads,
                dHead = config.DHead,
                dMlp = config.DMlp,
                vocab = config.VocabSize,
                context = config.Context,
                norm = config.Norm.ToString(),
                layout = config.Layout.ToString(),
                positions = config.Positions.ToString(),
                hookPoints = meta.HookPointNames,
            };
            if (parse.GetValue(json)) CommonOptions.PrintJson(result);
            else
            {
                foreach (var property in result.GetType().GetProperties().Where(p => p.Name != "hookPoints"))
                    System.Console.Out.WriteLine($"{property.Name,-14} {property.GetValue(result)}");
                System.Console.Out.WriteLine($"hook points    {string.Join(", ", meta.HookPointNames.Where(n => !n.StartsWith("blocks.", StringComparison.Ordinal) || n.StartsWith("blocks.0.", StringComparison.Ordinal)))} (and the same for blocks 1..{config.NLayers - 1})");
            }
            return ExitCodes.Ok;
        });
        return command;
    }

    static Command Verify()
    {
        var model = ModelOption();
        var reference = new Option<string>("--reference") { Description = "A safetensors file with input_ids, attention_mask and reference activations (embed, resid_post.N, final_norm, logits).", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "Largest allowed relative error max|ours - ref| / max|ref| (default 1e-4).", DefaultValueFactory = _ => 1e-4 };
        var dtype = DTypeOption();
        var rotaryFrequencies = new Option<string>("--rotary-frequencies")
        {
            Description = "Precision of the rotary inverse frequencies: float32 (default, exact), or bfloat16 / float16 to reproduce a reference "
                + "transformers computed after loading a checkpoint in that stored dtype (it rounds its inv_freq buffer with the model).",
            DefaultValueFactory = _ => "float32",
        };
        var device = CommonOptions.Device();
        var json = CommonOptions.Json();
        var command = new Command("verify", "Run a model on a reference file's inputs and report the largest relative error per hook point (exit 1 above tolerance).")
            { model, reference, tolerance, dtype, rotaryFrequencies, device, json };
        CommandAction.Set(command, parse =>
        {
            var frequencyDType = ParseDType(parse.GetValue(rotaryFrequencies)!, "--rotary-frequencies");
            var options = new ModelLoadOptions(TorchRuntime.ParseDevice(parse.GetValue(device)!), ParseDType(parse.GetValue(dtype)!),
                frequencyDType == torch.ScalarType.Float32 ? null : frequencyDType);
            using var loaded = TransformerLoader.Load(parse.GetValue(model)!, options);
            var errors = ModelVerifier.Verify(loaded, parse.GetValue(reference)!);
            double limit = parse.GetValue(tolerance);
            bool ok = errors.All(e => e.RelativeError <= limit);
            if (parse.GetValue(json)) CommonOptions.PrintJson(new { ok, tolerance = limit, errors });
            else
            {
                foreach (var e in errors)
                    System.Console.Out.WriteLine($"{e.Reference,-20} {e.HookPoint,-28} max abs {e.MaxAbsoluteError:E2}  relative {e.RelativeError:E2}{(e.RelativeError > limit ? "  FAIL" : "")}");
                System.Console.Out.WriteLine(ok ? $"ok: every activation within {limit:G3}" : $"FAILED: some activations exceed {limit:G3}");
            }
            return ok ? ExitCodes.Ok : ExitCodes.CheckFailed;
        });
        return command;
    }

    static Command BenchTrainStep()
    {
        var json = CommonOptions.Json();
        var device = CommonOptions.Device();
        var steps = new Option<int>("--steps") { Description = "Timed training steps (after 2 warm-up steps).", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads") { Description = "libtorch threads (default: libtorch's choice, all cores). 1 gives a stable CPU-time figure on a shared machine.", DefaultValueFactory = _ => 0 };
        var shape = new Option<string>("--shape")
        {
            Description = "llama (8 x 512, SwiGLU 1408, context 64, batch 32), or othello-paper / othello-small / othello-tiny (an Othello-GPT preset's model and batch).",
            DefaultValueFactory = _ => "llama",
        };
        var command = new Command("bench-train-step", "Time a training step (forward, cross-entropy, backward, AdamW) and report model-FLOPs utilization against the fp32 matmul rate.")
            { shape, steps, threads, device, json };
        CommandAction.Set(command, parse =>
        {
            int threadCount = parse.GetValue(threads);
            if (threadCount < 0) throw new WorldProbeException($"--threads {threadCount}: use 1 or more, or 0 for libtorch's default.");
            if (threadCount > 0) torch.set_num_threads(threadCount);
            string shapeName = parse.GetValue(shape)!;
            var target = TorchRuntime.ParseDevice(parse.GetValue(device)!);
            var result = shapeName == "llama"
                ? TrainStepBenchmark.Run(TrainStepBenchmark.Shape.Default, parse.GetValue(steps), target)
                : shapeName.StartsWith("othello-", StringComparison.Ordinal) && OthelloTrainingPreset.All.FirstOrDefault(p => p.Name == shapeName["othello-".Length..]) is { } preset
                    ? TrainStepBenchmark.Run(preset.Model.ToTransformerConfig(), preset.BatchGames, parse.GetValue(steps), target)
                    : throw new WorldProbeException($"--shape {shapeName}: unknown; use llama, othello-paper, othello-small or othello-tiny.");
            if (parse.GetValue(json)) CommonOptions.PrintJson(result);
            else
                foreach (var property in result.GetType().GetProperties())
                    System.Console.Out.WriteLine($"{property.Name,-22} {property.GetValue(result)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
