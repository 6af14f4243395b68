using System.Text.Json;
using WorldProbe.Runs;
using WorldProbe.Transformers.Checkpoints;
using TorchSharp;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace WorldProbe.Othello.Probes;

/// <summary>Where and what a probe reads: saved as JSON beside its weights.</summary>
/// <param name="Target">The label it predicts.</param>
/// <param name="Kind">Linear or MLP.</param>
/// <param name="Layer">Residual-stream layer (after j blocks; 0 = embeddings).</param>
/// <param name="DModel">Width of the residual stream.</param>
/// <param name="Hidden">Hidden width of the MLP probe (0 for linear).</param>
public sealed record BoardProbeInfo(string Target, string Kind, int Layer, int DModel, int Hidden);

/// <summary>
/// A probe from one residual-stream vector to a class per square: [N, d_model] -> logits [N, 64, classes].
/// </summary>
public sealed class BoardProbe : Module<Tensor, Tensor>
{
    /// <summary>Hidden width of the MLP probe.</summary>
    public const int MlpHidden = 128;

    static readonly object InitialisationLock = new();

    readonly TorchSharp.Modules.Sequential network;

    /// <summary>The probe's target.</summary>
    public ProbeTarget Target { get; }

    /// <summary>Linear or MLP.</summary>
    public ProbeKind Kind { get; }

    /// <summary>The layer it reads.</summary>
    public int Layer { get; }

    /// <summary>Residual-stream width.</summary>
    public int DModel { get; }

    /// <summary>Classes per square.</summary>
    public int Classes => Target.Classes();

    /// <summary>A freshly initialised probe (PyTorch's default Linear initialisation under <paramref name="seed"/>).</summary>
    public BoardProbe(ProbeTarget target, ProbeKind kind, int layer, int dModel, long seed) : base(nameof(BoardProbe))
    {
        Target = target;
        Kind = kind;
        Layer = layer;
        DModel = dModel;
        int outputs = Square.Count * target.Classes();
        // The initialisation draws from libtorch's global generator: seeding and drawing must not interleave with
        // another probe being built on another thread (ProbeStudySettings.Workers).
        lock (InitialisationLock)
        {
            manual_seed(seed);
            network = kind == ProbeKind.Linear
                ? Sequential(("0", Linear(dModel, outputs)))
                : Sequential(("0", Linear(dModel, MlpHidden)), ("1", ReLU()), ("2", Linear(MlpHidden, outputs)));
        }
        RegisterComponents();
    }

    /// <summary>[N, d_model] -> [N, 64, classes].</summary>
    public override Tensor forward(Tensor residual) => network.forward(residual).view(-1, Square.Count, Classes);

    /// <summary>
    /// The linear probe's weight as [64, classes, d_model]: the direction of each class logit per square
    /// (interventions move along differences of these rows).
    /// </summary>
    public Tensor LinearWeight => Kind == ProbeKind.Linear
        ? ((TorchSharp.Modules.Linear)network[0]).weight!.view(Square.Count, Classes, DModel)
        : throw new WorldProbeException("probe directions need a linear probe; train one with --probe linear.");

    /// <summary>Writes <paramref name="basePath"/>.safetensors and .json.</summary>
    public void Save(string basePath)
    {
        SafetensorsWriter.Write(basePath + ".safetensors", named_parameters().Select(p => new KeyValuePair<string, Tensor>(p.name, p.parameter.detach().contiguous())));
        var info = new BoardProbeInfo(Target.Name(), Kind.Name(), Layer, DModel, Kind == ProbeKind.Mlp ? MlpHidden : 0);
        AtomicFile.WriteAllText(basePath + ".json", JsonSerializer.Serialize(info, RunManifest.Json));
    }

    /// <summary>Reads a probe written by <see cref="Save"/>.</summary>
    public static BoardProbe Load(string basePath)
    {
        string json = basePath + ".json";
        if (!File.Exists(json)) throw new WorldProbeException($"{json}: missing; probes are saved by worldprobe othello probe.");
        var info = JsonSerializer.Deserialize<BoardProbeInfo>(File.ReadAllText(json), RunManifest.Json)
            ?? throw new WorldProbeException($"{json}: empty probe description.");
        var probe = new BoardProbe(ProbeTargets.Parse(info.Target), ProbeKinds.Parse(info.Kind), info.Layer, info.DModel, 0);
        using var file = SafetensorsFile.Open(basePath + ".safetensors");
        using (no_grad())
            foreach (var (name, parameter) in probe.named_parameters())
            {
                if (!file.Entries.ContainsKey(name)) throw new WorldProbeException($"{basePath}.safetensors: no tensor '{name}'; was it written by a different probe kind?");
                parameter.copy_(file.Read(name));
            }
        probe.eval();
        return probe;
    }
}
