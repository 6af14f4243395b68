using System.Text.Json;
using WorldProbe.Runs;
using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Transformers;

/// <summary>Creates, saves and loads Othello-GPT models (a <see cref="Transformer"/> of the minGPT shape).</summary>
public static class OthelloGpt
{
    /// <summary>A freshly initialised model (N(0, 0.02) weights) in training mode.</summary>
    public static Transformer Create(OthelloGptConfig config, long seed, Device? device = null)
    {
        var model = new Transformer(config.ToTransformerConfig(), device);
        model.InitializeWeights(seed);
        model.train();
        return model;
    }

    /// <summary>
    /// Writes <paramref name="folder"/>/config.json (model_type "othello-gpt" and the shape) and model.safetensors;
    /// <see cref="TransformerLoader.Load"/> reads it back (into float32 unless told otherwise).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="folder">Output folder.</param>
    /// <param name="storedAs">Weight dtype on disk (null: the model's own); float16 halves a released model's size.</param>
    public static void Save(Transformer model, string folder, ScalarType? storedAs = null)
    {
        var c = model.Config;
        if (c.Architecture != OthelloGptConfig.ModelType)
            throw new WorldProbeException($"Save writes Othello-GPT models; this one is a {c.Architecture} model.");
        Directory.CreateDirectory(folder);
        var dtype = storedAs ?? model.DType;
        using (var scope = NewDisposeScope())
            SafetensorsWriter.Write(Path.Combine(folder, "model.safetensors"),
                model.named_parameters().Select(p => new KeyValuePair<string, Tensor>(p.name, p.parameter.detach().to(dtype))),
                new Dictionary<string, string> { ["format"] = "pt" });
        var config = new Dictionary<string, object>
        {
            ["model_type"] = OthelloGptConfig.ModelType,
            ["n_layers"] = c.NLayers, ["n_heads"] = c.NHeads, ["d_model"] = c.DModel, ["d_mlp"] = c.DMlp,
            ["vocab"] = c.VocabSize, ["context"] = c.Context, ["dropout"] = c.Dropout,
            ["dtype"] = dtype switch { ScalarType.BFloat16 => "bfloat16", ScalarType.Float16 => "float16", _ => "float32" },
        };
        AtomicFile.WriteAllText(Path.Combine(folder, "config.json"), JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }));
    }
}
