using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Cosine similarity between a probe's directions (one per output, in the residual basis) and every
/// neuron's input row and output column. Random directions in d_model dimensions have cosines of
/// about ±1/√d_model.
/// </summary>
public static class NeuronCosines
{
    /// <summary>
    /// Cosines of the directions <paramref name="directions"/> [d_model, k] with the neurons of
    /// <paramref name="weights"/>: input [k][d_mlp] and output [k][d_mlp] (0 for a zero vector).
    /// </summary>
    public static (double[][] Input, double[][] Output) Compute(Tensor directions, MlpNeuronWeights weights)
    {
        using var scope = NewDisposeScope();
        var unit = Normalize(directions.to_type(ScalarType.Float64).cpu(), 0);      // [d_model, k]
        var input = Normalize(weights.Input, 1).matmul(unit).t();                     // [k, d_mlp]
        var output = Normalize(weights.Output, 0).t().matmul(unit).t();               // [k, d_mlp]
        return (Rows(input), Rows(output));
    }

    static Tensor Normalize(Tensor vectors, int dimension)
    {
        var norms = vectors.norm(dimension, keepdim: true);
        return vectors / norms.clamp_min(1e-300);
    }

    static double[][] Rows(Tensor matrix) =>
        Enumerable.Range(0, (int)matrix.shape[0]).Select(r => matrix[r].contiguous().data<double>().ToArray()).ToArray();
}
