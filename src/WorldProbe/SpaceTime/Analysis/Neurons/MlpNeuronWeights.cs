using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// The weights of one block's MLP neurons in the residual basis: each neuron's input row (what it
/// reads; for gated MLPs the gate's row) and output column (what it writes back).
/// </summary>
/// <param name="Block">Block index.</param>
/// <param name="Input">[d_mlp, d_model] input rows.</param>
/// <param name="Output">[d_model, d_mlp] output columns.</param>
public sealed record MlpNeuronWeights(int Block, Tensor Input, Tensor Output)
{
    /// <summary>Copies block <paramref name="block"/>'s MLP weights out of <paramref name="model"/> (float64, CPU).</summary>
    public static MlpNeuronWeights Of(Transformer model, int block)
    {
        if (block < 0 || block >= model.Config.NLayers)
            throw new WorldProbeException($"block {block} does not exist: this model has blocks 0..{model.Config.NLayers - 1}.");
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var up = parameters[$"blocks.{block}.mlp.up.weight"];     // [d_mlp or 2 d_mlp (gate, up), d_model]
        var down = parameters[$"blocks.{block}.mlp.down.weight"]; // [d_model, d_mlp]
        using var noGrad = no_grad();
        var input = up.narrow(0, 0, model.Config.DMlp).detach().to_type(ScalarType.Float64).cpu().clone();
        return new MlpNeuronWeights(block, input, down.detach().to_type(ScalarType.Float64).cpu().clone());
    }
}
