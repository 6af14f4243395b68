using static TorchSharp.torch;

namespace WorldProbe.Transformers.Architectures;

/// <summary>
/// How one of our parameters is built from checkpoint tensors: the parameter's name, the checkpoint names it
/// needs, and how to combine them (concatenate, transpose, reorder heads) into the parameter's layout.
/// </summary>
/// <param name="Target">Our parameter name, e.g. "blocks.0.attn.qkv.weight".</param>
/// <param name="Sources">Checkpoint tensor names, read in this order.</param>
/// <param name="Combine">Builds the parameter's value from the source tensors.</param>
public sealed record WeightSource(string Target, IReadOnlyList<string> Sources, Func<Tensor[], Tensor> Combine)
{
    /// <summary>The parameter is the checkpoint tensor as stored.</summary>
    public static WeightSource Copy(string target, string source) => new(target, [source], t => t[0]);

    /// <summary>The parameter is the checkpoint tensors stacked along dim 0 (fusing q, k, v or gate, up).</summary>
    public static WeightSource Concat(string target, params string[] sources) => new(target, sources, t => cat(t, 0));

    /// <summary>The parameter is the transpose of a 2-D checkpoint tensor (GPT-2's Conv1D stores [in, out]).</summary>
    public static WeightSource Transposed(string target, string source) => new(target, [source], t => t[0].t());
}
