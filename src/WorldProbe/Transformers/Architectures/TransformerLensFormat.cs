using WorldProbe.Transformers.Checkpoints;
using static TorchSharp.torch;

namespace WorldProbe.Transformers.Architectures;

/// <summary>
/// The TransformerLens state-dict layout of the public Othello-GPT (embed.W_E [d_vocab, d_model],
/// blocks.{i}.attn.W_Q [n_heads, d_model, d_head], W_O [n_heads, d_head, d_model], mlp.W_in [d_model, d_mlp],
/// unembed.W_U [d_model, d_vocab], ...) stored as one .safetensors file.
/// </summary>
public static class TransformerLensFormat
{
    /// <summary>The tensor whose presence marks a TransformerLens state dict.</summary>
    public const string Marker = "embed.W_E";

    /// <summary>Infers the model shape from the tensors' shapes.</summary>
    public static TransformerConfig ReadConfig(CheckpointReader checkpoint)
    {
        var missing = new[] { Marker, "pos_embed.W_pos", "blocks.0.attn.W_Q", "blocks.0.mlp.W_in", "unembed.W_U" }.Where(n => !checkpoint.Contains(n)).ToList();
        if (missing.Count > 0)
            throw new WorldProbeException($"{checkpoint.Source}: not a TransformerLens Othello-GPT state dict; missing {string.Join(", ", missing)}.");
        var wE = checkpoint.Entry(Marker).Shape;
        var wQ = checkpoint.Entry("blocks.0.attn.W_Q").Shape;
        int layers = 0;
        while (checkpoint.Contains($"blocks.{layers}.attn.W_Q")) layers++;
        return new TransformerConfig
        {
            Architecture = OthelloGptConfig.ModelType,
            VocabSize = (int)wE[0],
            DModel = (int)wE[1],
            NLayers = layers,
            NHeads = (int)wQ[0],
            DHead = (int)wQ[2],
            DMlp = (int)checkpoint.Entry("blocks.0.mlp.W_in").Shape[1],
            Context = (int)checkpoint.Entry("pos_embed.W_pos").Shape[0],
            Activation = Activation.Gelu,
            UnembedBias = checkpoint.Contains("unembed.b_U"),
        };
    }

    /// <summary>Where each of our parameters comes from in the TransformerLens layout.</summary>
    public static IEnumerable<WeightSource> Weights(TransformerConfig config)
    {
        yield return WeightSource.Copy("embed.token", "embed.W_E");
        yield return WeightSource.Copy("embed.position", "pos_embed.W_pos");
        for (int i = 0; i < config.NLayers; i++)
        {
            string tl = $"blocks.{i}.", block = $"blocks.{i}.";
            yield return WeightSource.Copy(block + "ln1.weight", tl + "ln1.w");
            yield return WeightSource.Copy(block + "ln1.bias", tl + "ln1.b");
            // W_Q [n_heads, d_model, d_head] -> rows (head, d_head) x d_model.
            yield return new WeightSource(block + "attn.qkv.weight", [tl + "attn.W_Q", tl + "attn.W_K", tl + "attn.W_V"],
                t => cat(t.Select(w => w.permute(0, 2, 1).reshape(-1, w.shape[1])).ToArray(), 0));
            yield return new WeightSource(block + "attn.qkv.bias", [tl + "attn.b_Q", tl + "attn.b_K", tl + "attn.b_V"],
                t => cat(t.Select(b => b.reshape(-1)).ToArray(), 0));
            yield return new WeightSource(block + "attn.out.weight", [tl + "attn.W_O"], t => t[0].reshape(-1, t[0].shape[2]).t());
            yield return WeightSource.Copy(block + "attn.out.bias", tl + "attn.b_O");
            yield return WeightSource.Copy(block + "ln2.weight", tl + "ln2.w");
            yield return WeightSource.Copy(block + "ln2.bias", tl + "ln2.b");
            yield return WeightSource.Transposed(block + "mlp.up.weight", tl + "mlp.W_in");
            yield return WeightSource.Copy(block + "mlp.up.bias", tl + "mlp.b_in");
            yield return WeightSource.Transposed(block + "mlp.down.weight", tl + "mlp.W_out");
            yield return WeightSource.Copy(block + "mlp.down.bias", tl + "mlp.b_out");
        }
        yield return WeightSource.Copy("ln_final.weight", "ln_final.w");
        yield return WeightSource.Copy("ln_final.bias", "ln_final.b");
        yield return WeightSource.Transposed("unembed.weight", "unembed.W_U");
        if (config.UnembedBias) yield return WeightSource.Copy("unembed.bias", "unembed.b_U");
    }

    /// <summary>Writes a pre-LayerNorm learned-position model (Othello-GPT) in the TransformerLens layout.</summary>
    public static void Write(Transformer model, string path)
    {
        var c = model.Config;
        if (c.Positions != PositionKind.Learned || c.Norm != NormKind.LayerNorm || c.Layout != BlockLayout.PreNorm || c.GatedMlp || c.TiedEmbeddings || c.KeyValueHeads != c.NHeads || !c.QkvBias || !c.MlpBias)
            throw new WorldProbeException($"only Othello-GPT-shaped models (learned positions, pre-LayerNorm, plain MLP with biases, untied head) have a TransformerLens layout; this is a {c.Architecture} model.");
        var p = model.named_parameters().ToDictionary(x => x.name, x => (Tensor)x.parameter.detach());
        long heads = c.NHeads, dHead = c.DHead, dModel = c.DModel;
        var tensors = new List<KeyValuePair<string, Tensor>>();
        void Add(string name, Tensor value) => tensors.Add(new(name, value.contiguous()));
        Add("embed.W_E", p["embed.token"]);
        Add("pos_embed.W_pos", p["embed.position"]);
        for (int i = 0; i < c.NLayers; i++)
        {
            string b = $"blocks.{i}.";
            Add(b + "ln1.w", p[b + "ln1.weight"]);
            Add(b + "ln1.b", p[b + "ln1.bias"]);
            var qkv = p[b + "attn.qkv.weight"].split(heads * dHead, 0);
            var qkvBias = p[b + "attn.qkv.bias"].split(heads * dHead, 0);
            string[] letters = ["Q", "K", "V"];
            for (int j = 0; j < 3; j++)
            {
                Add($"{b}attn.W_{letters[j]}", qkv[j].view(heads, dHead, dModel).permute(0, 2, 1));
                Add($"{b}attn.b_{letters[j]}", qkvBias[j].view(heads, dHead));
            }
            Add(b + "attn.W_O", p[b + "attn.out.weight"].t().reshape(heads, dHead, dModel));
            Add(b + "attn.b_O", p[b + "attn.out.bias"]);
            Add(b + "ln2.w", p[b + "ln2.weight"]);
            Add(b + "ln2.b", p[b + "ln2.bias"]);
            Add(b + "mlp.W_in", p[b + "mlp.up.weight"].t());
            Add(b + "mlp.b_in", p[b + "mlp.up.bias"]);
            Add(b + "mlp.W_out", p[b + "mlp.down.weight"].t());
            Add(b + "mlp.b_out", p[b + "mlp.down.bias"]);
        }
        Add("ln_final.w", p["ln_final.weight"]);
        Add("ln_final.b", p["ln_final.bias"]);
        Add("unembed.W_U", p["unembed.weight"].t());
        Add("unembed.b_U", c.UnembedBias ? p["unembed.bias"] : zeros(c.VocabSize, dtype: model.DType, device: model.Device));
        SafetensorsWriter.Write(path, tensors);
    }
}
