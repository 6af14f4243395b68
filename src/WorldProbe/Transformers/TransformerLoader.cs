using WorldProbe.Transformers.Architectures;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>
/// Loads a <see cref="Transformer"/> from a Hugging Face model folder (config.json + safetensors, single or
/// sharded, fp32/fp16/bf16), a WorldProbe Othello-GPT folder, or a TransformerLens Othello-GPT .safetensors file.
/// Weights are read tensor by tensor straight into the parameters.
/// </summary>
public static class TransformerLoader
{
    /// <summary>The supported Hugging Face architectures.</summary>
    public static IReadOnlyList<IArchitecture> Architectures { get; } =
        [new LlamaArchitecture(), new Gpt2Architecture(), new GptNeoXArchitecture(), new BertArchitecture(), new OthelloGptArchitecture()];

    /// <summary>Every supported model_type.</summary>
    public static IEnumerable<string> ModelTypes => Architectures.SelectMany(a => a.ModelTypes);

    /// <summary>Loads the model at <paramref name="path"/> (a folder, or a TransformerLens .safetensors file) in eval mode.</summary>
    public static Transformer Load(string path, ModelLoadOptions? options = null)
    {
        options ??= ModelLoadOptions.Default;
        if (options.DType is not (ScalarType.Float32 or ScalarType.BFloat16 or ScalarType.Float16 or ScalarType.Float64))
            throw new WorldProbeException($"compute dtype {options.DType} is not supported; use float32, bfloat16, float16 or float64.");
        Transformer model;
        if (File.Exists(path))
        {
            using var checkpoint = CheckpointReader.OpenFile(path);
            if (!checkpoint.Contains(TransformerLensFormat.Marker))
                throw new WorldProbeException($"{path}: a single .safetensors file must be a TransformerLens Othello-GPT state dict (with {TransformerLensFormat.Marker}); for Hugging Face models pass the folder holding config.json.");
            var config = TransformerLensFormat.ReadConfig(checkpoint);
            model = new Transformer(config, options.Device, options.DType);
            LoadWeights(model, TransformerLensFormat.Weights(config), checkpoint);
        }
        else if (Directory.Exists(path))
        {
            var (architecture, config) = ReadFolderConfig(path);
            if (options.RotaryFrequencyDType is { } rounding && config.Rotary is { } rotary)
                config = config with { Rotary = rotary with { FrequencyDType = rounding } };
            model = new Transformer(config, options.Device, options.DType);
            using var checkpoint = CheckpointReader.OpenFolder(path);
            LoadWeights(model, architecture.Weights(config, checkpoint, model), checkpoint);
        }
        else throw new WorldProbeException($"{path}: no such file or folder; pass a model folder (config.json + *.safetensors) or a TransformerLens .safetensors file.");
        model.eval();
        return model;
    }

    /// <summary>The configuration of a model folder or file, without reading weights.</summary>
    public static TransformerConfig ReadConfig(string path)
    {
        if (File.Exists(path))
        {
            using var checkpoint = CheckpointReader.OpenFile(path);
            return TransformerLensFormat.ReadConfig(checkpoint);
        }
        if (Directory.Exists(path)) return ReadFolderConfig(path).Config;
        throw new WorldProbeException($"{path}: no such file or folder.");
    }

    static (IArchitecture Architecture, TransformerConfig Config) ReadFolderConfig(string folder)
    {
        var hf = HuggingFaceConfig.Read(Path.Combine(folder, "config.json"));
        string type = hf.ModelType;
        var architecture = Architectures.FirstOrDefault(a => a.ModelTypes.Contains(type))
            ?? throw new WorldProbeException($"{hf.Path}: model_type '{type}' is not supported (supported: {string.Join(", ", ModelTypes)}).");
        var config = architecture.ReadConfig(hf);
        config.Validate(hf.Path);
        return (architecture, config);
    }

    /// <summary>
    /// Fills every parameter of <paramref name="model"/> from <paramref name="checkpoint"/>; lists all missing
    /// tensors (and any parameter no source covers) in one WorldProbeException before reading anything.
    /// </summary>
    public static void LoadWeights(Transformer model, IEnumerable<WeightSource> sources, CheckpointReader checkpoint)
    {
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var list = sources.ToList();
        var missing = list.SelectMany(s => s.Sources).Where(n => !checkpoint.Contains(n)).Distinct().ToList();
        var uncovered = parameters.Keys.Except(list.Select(s => s.Target)).ToList();
        if (missing.Count > 0 || uncovered.Count > 0)
        {
            string what = missing.Count > 0 ? $"missing tensors: {string.Join(", ", missing.Take(20))}{(missing.Count > 20 ? $" and {missing.Count - 20} more" : "")}" : "";
            string also = uncovered.Count > 0 ? $"{(what.Length > 0 ? "; " : "")}parameters with no source: {string.Join(", ", uncovered)}" : "";
            throw new WorldProbeException($"{checkpoint.Source}: cannot load this {model.Config.Architecture} model, {what}{also}. Is the checkpoint complete and of this architecture?");
        }
        using var noGrad = no_grad();
        foreach (var source in list)
        {
            using var scope = NewDisposeScope();
            var value = source.Combine(source.Sources.Select(checkpoint.Read).ToArray());
            var parameter = parameters[source.Target];
            if (!value.shape.SequenceEqual(parameter.shape))
                throw new WorldProbeException($"{checkpoint.Source}: {string.Join(" + ", source.Sources)} gives shape [{string.Join(", ", value.shape)}] but {source.Target} needs [{string.Join(", ", parameter.shape)}]; config.json does not match the weights.");
            parameter.copy_(value);
        }
    }
}
