using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Transformers;

/// <summary>
/// A transformer of any supported architecture (Llama family, GPT-2, GPT-NeoX, BERT, Othello-GPT) with
/// TransformerLens-style hook points. A normal TorchSharp module: parameters, train()/eval(), forward(ids) -> logits.
/// </summary>
public sealed class Transformer : Module<Tensor, Tensor>
{
    readonly TokenEmbedding embed;
    readonly TorchSharp.Modules.ModuleList<TransformerBlock> blocks;
    readonly Norm? lnFinal;
    readonly Projection? unembed;
    readonly RotaryEmbedding? rotary;
    readonly HookPoint hookLnFinal, hookLogits;
    readonly Dictionary<string, HookPoint> hookPoints = new(StringComparer.Ordinal);

    /// <summary>The configuration the model was built from.</summary>
    public TransformerConfig Config { get; }

    /// <summary>The device holding the parameters; inputs are moved here.</summary>
    public Device Device { get; }

    /// <summary>The compute dtype of the parameters.</summary>
    public ScalarType DType { get; }

    /// <summary>Creates a model with uninitialised weights (load a checkpoint or call <see cref="InitializeWeights"/>).</summary>
    public Transformer(TransformerConfig config, Device? device = null, ScalarType dtype = ScalarType.Float32) : base("Transformer")
    {
        config.Validate(config.Architecture);
        Config = config;
        Device = device ?? CPU;
        DType = dtype;
        embed = new TokenEmbedding(config, Device, dtype);
        blocks = new TorchSharp.Modules.ModuleList<TransformerBlock>(
            Enumerable.Range(0, config.NLayers).Select(i => new TransformerBlock(config, i, Device, dtype)).ToArray());
        register_module("embed", embed);
        register_module("blocks", blocks);
        if (config.FinalNorm)
        {
            lnFinal = new Norm(config.Norm, config.DModel, config.NormEps, Device, dtype);
            register_module("ln_final", lnFinal);
        }
        if (config.Unembed && !config.TiedEmbeddings)
        {
            unembed = new Projection(config.DModel, config.VocabSize, config.UnembedBias, Device, dtype);
            register_module("unembed", unembed);
        }
        if (config.Positions == PositionKind.Rotary) rotary = new RotaryEmbedding(config.Rotary!, Device);
        hookLnFinal = new HookPoint(HookNames.LnFinal);
        hookLogits = new HookPoint(HookNames.Logits);
        IEnumerable<HookPoint> all = embed.HookPoints.Concat(blocks.SelectMany(b => b.HookPoints));
        if (config.FinalNorm) all = all.Append(hookLnFinal);
        if (config.Unembed) all = all.Append(hookLogits);
        foreach (var point in all) hookPoints[point.Name] = point;
    }

    /// <summary>Every hook point name, in forward order.</summary>
    public IReadOnlyList<string> HookPointNames => hookPoints.Keys.ToList();

    /// <summary>The hook point called <paramref name="name"/>; unknown names fail with the list of valid ones.</summary>
    public HookPoint HookPoint(string name) => hookPoints.TryGetValue(name, out var point)
        ? point
        : throw new WorldProbeException($"no hook point '{name}' in this {Config.Architecture} model; valid names: {string.Join(", ", hookPoints.Keys.Take(12))}, ... (see docs/transformer-runtime.md).");

    /// <summary>Attaches a hook to a named point; dispose the handle to remove it.</summary>
    public IDisposable AddHook(string name, ActivationHook hook) => HookPoint(name).Add(hook);

    /// <summary>Removes every hook from every point.</summary>
    public void ClearHooks()
    {
        foreach (var point in hookPoints.Values) point.Clear();
    }

    /// <summary>The token embedding matrix [vocab, d_model].</summary>
    public Tensor TokenEmbeddings => embed.Token;

    /// <summary>The unembedding matrix [vocab, d_model] (the token embedding when tied).</summary>
    public Tensor UnembeddingWeight => unembed?.Weight ?? (Config.Unembed ? embed.Token : throw new WorldProbeException($"this {Config.Architecture} model has no unembedding."));

    /// <summary>Number of parameters (a tied matrix counted once).</summary>
    public long ParameterCount => parameters().Sum(p => p.numel());

    /// <summary>Logits for ids [batch, pos] (no padding): [batch, pos, vocab].</summary>
    public override Tensor forward(Tensor inputIds) => Forward(inputIds);

    /// <summary>
    /// Runs the model. Returns the logits [batch, pos, vocab], or (models without an unembedding, or when
    /// <paramref name="stopAtLayer"/> is given) the residual stream at that layer [batch, pos, d_model]:
    /// layer j = after j blocks, so stopAtLayer 0 runs no block at all.
    /// </summary>
    /// <param name="inputIds">[batch, pos] token ids.</param>
    /// <param name="attentionMask">[batch, pos], nonzero = real token; left or right padding; null = no padding.</param>
    /// <param name="stopAtLayer">Stop after this many blocks and return the raw residual stream.</param>
    /// <param name="tokenTypeIds">[batch, pos] segment ids for models with token types (default 0).</param>
    public Tensor Forward(Tensor inputIds, Tensor? attentionMask = null, int? stopAtLayer = null, Tensor? tokenTypeIds = null)
    {
        if (inputIds.dim() != 2) throw new WorldProbeException($"input ids must be [batch, pos]; got [{string.Join(", ", inputIds.shape)}].");
        if (stopAtLayer is int stop && (stop < 0 || stop > Config.NLayers))
            throw new WorldProbeException($"layer {stop} does not exist: this model has layers 0..{Config.NLayers} (layer j = after j blocks).");
        var ids = inputIds.to(Device);
        var state = ForwardState.Create(Config, rotary, ids.shape[0], ids.shape[1], attentionMask, Device, DType);
        var x = embed.forward(ids, state, tokenTypeIds); // [batch, pos, d_model]
        return Continue(x, 0, state, stopAtLayer);
    }

    /// <summary>
    /// Runs the rest of the model on a residual stream at layer <paramref name="layer"/> (the input of block
    /// <paramref name="layer"/>): blocks layer.., then the final norm and unembedding. For interventions and checks.
    /// </summary>
    public Tensor ForwardFromLayer(Tensor residual, int layer, Tensor? attentionMask = null)
    {
        if (layer < 0 || layer > Config.NLayers)
            throw new WorldProbeException($"layer {layer} does not exist: this model has layers 0..{Config.NLayers}.");
        var x = residual.to(Device);
        var state = ForwardState.Create(Config, rotary, x.shape[0], x.shape[1], attentionMask, Device, DType);
        return Continue(x, layer, state, null);
    }

    Tensor Continue(Tensor x, int firstBlock, ForwardState state, int? stopAtLayer)
    {
        int last = stopAtLayer ?? Config.NLayers;
        for (int i = firstBlock; i < last; i++) x = blocks[i].forward(x, state); // [batch, pos, d_model]
        if (stopAtLayer is not null) return x;
        if (lnFinal is not null) x = hookLnFinal.Apply(lnFinal.forward(x));
        if (!Config.Unembed) return x;
        return hookLogits.Apply(functional.linear(x, UnembeddingWeight, unembed?.Bias)); // [batch, pos, vocab]
    }

    /// <summary>
    /// Fresh weights for training (GPT-2 / minGPT scheme): linear and embedding weights N(0, 0.02), biases 0,
    /// norm weights 1.
    /// </summary>
    public void InitializeWeights(long seed)
    {
        using var noGrad = no_grad();
        var generator = new Generator((ulong)seed, Device);
        var normParameters = named_modules().Where(m => m.module is Norm)
            .SelectMany(m => m.module.named_parameters().Select(p => $"{m.name}.{p.name}")).ToHashSet();
        foreach (var (name, parameter) in named_parameters())
        {
            if (normParameters.Contains(name)) parameter.fill_(name.EndsWith(".weight", StringComparison.Ordinal) ? 1 : 0);
            else if (name.EndsWith(".bias", StringComparison.Ordinal)) parameter.zero_();
            else parameter.normal_(0, 0.02, generator);
        }
    }
}
