using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Reports.Charts;
using WorldProbe.Transformers;

namespace WorldProbe.Interventions;

/// <summary>A saliency board: for each occupied square, how much swapping its colour in the model's latent board lowers the predicted move's probability.</summary>
/// <param name="Prefix">The moves played.</param>
/// <param name="PredictedMove">The model's most probable next move (unedited).</param>
/// <param name="Probability">Its probability before any edit.</param>
/// <param name="Drops">Per square [64]: probability before minus after the edit; NaN for empty squares (nothing to flip).</param>
public sealed record SaliencyBoard(byte[] Prefix, int PredictedMove, double Probability, double[] Drops)
{
    /// <summary>Draws the board (PNG + SVG) with the predicted move outlined; returns the PNG path.</summary>
    public string Save(string basePath)
    {
        double scale = Math.Max(1e-6, Drops.Where(d => !double.IsNaN(d)).Select(Math.Abs).DefaultIfEmpty(0).Max());
        return BoardHeatMap.Save(basePath, $"latent saliency of {Square.Name(PredictedMove)} (p = {Probability:F2}) after {Prefix.Length} moves",
                                 Drops, -scale, scale, "F2", [PredictedMove]);
    }
}

/// <summary>
/// Latent saliency (Li et al.): for one position, every occupied square is flipped (mine &lt;-&gt; theirs) in the residual
/// stream by an <see cref="IResidualEdit"/> at the probes' layers, all squares at once as rows of one batch.
/// </summary>
public static class LatentSaliency
{
    /// <summary>The saliency board of the position after <paramref name="prefix"/>.</summary>
    public static SaliencyBoard Compute(Transformer model, byte[] prefix, IResidualEdit edit, IReadOnlyDictionary<int, BoardProbe> probes)
    {
        var state = GameState.Start;
        foreach (byte move in prefix) state.Play(move);
        if (state.IsOver) throw new WorldProbeException($"the game is over after {prefix.Length} moves; choose a shorter prefix.");
        using var before = InterventionRunner.MoveProbabilities(model, [prefix]);
        float[] p0 = before.data<float>().ToArray();
        int predicted = Enumerable.Range(0, Square.Count).MaxBy(s => p0[s]);
        var occupied = Enumerable.Range(0, Square.Count).Where(s => ((state.Black | state.White) >> s & 1) != 0).ToArray();
        long[] squares = occupied.Select(s => (long)s).ToArray();
        long[] currents = occupied.Select(s => (state.Mine >> s & 1) != 0 ? 1L : 2L).ToArray();
        long[] targets = currents.Select(c => 3 - c).ToArray();
        using var after = InterventionRunner.MoveProbabilities(model, occupied.Select(_ => prefix).ToList(), edit, probes, squares, currents, targets);
        float[] p = after.data<float>().ToArray();
        var drops = Enumerable.Repeat(double.NaN, Square.Count).ToArray();
        for (int i = 0; i < occupied.Length; i++) drops[occupied[i]] = p0[predicted] - p[i * Square.Count + predicted];
        return new SaliencyBoard(prefix, predicted, p0[predicted], drops);
    }
}
