using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Othello.Training;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Interventions;

/// <summary>
/// Runs an Othello-GPT on the prefixes of some cases and returns the next-move probabilities at each prefix's last
/// position, optionally editing that position's residual stream at some layers (in forward order, so that an edit at
/// layer j sees the consequences of the edits before it). Prefixes of different lengths are right-padded: the model
/// is causal, so padding never reaches a real position.
/// </summary>
public static class InterventionRunner
{
    /// <summary>
    /// Next-move probabilities [cases, 64] by square (centre squares 0) at the last position of each case. With
    /// <paramref name="edit"/>, the residual stream at each layer of <paramref name="probes"/> is edited so the probe
    /// of that layer reads square i as <paramref name="targets"/>[i].
    /// <paramref name="onEdited"/> sees each layer's edited vectors [cases, d_model].
    /// </summary>
    public static Tensor MoveProbabilities(Transformer model, IReadOnlyList<byte[]> prefixes, IResidualEdit? edit = null,
                                           IReadOnlyDictionary<int, BoardProbe>? probes = null,
                                           long[]? squares = null, long[]? currents = null, long[]? targets = null,
                                           Action<int, Tensor>? onEdited = null)
    {
        model.eval();
        using var scope = NewDisposeScope();
        int length = prefixes.Max(p => p.Length);
        var tokens = MoveTokens.Encode(prefixes)[.., ..length];                                                 // [cases, length]
        var last = tensor(prefixes.Select(p => (long)p.Length - 1).ToArray());
        var rows = arange(prefixes.Count);
        var handles = new List<IDisposable>();
        if (edit is not null && probes is not null)
            foreach (var (layer, probe) in probes.OrderBy(p => p.Key))
                handles.Add(model.AddHook(HookNames.ResidualLayer(layer), (activation, _) =>
                {
                    var vectors = activation[rows, last];                                                      // [cases, d_model]
                    var edited = edit.Edit(vectors, probe, squares!, currents!, targets!);
                    onEdited?.Invoke(layer, edited);
                    var result = activation.clone();
                    result.index_put_(edited, rows, last);
                    return result;
                }));
        try
        {
            Tensor logits;
            using (no_grad()) logits = model.Forward(tokens)[rows, last].to(ScalarType.Float32);               // [cases, 61]
            logits[.., MoveTokens.Padding] = float.NegativeInfinity;
            var probabilities = logits.softmax(-1);
            var bySquare = zeros(prefixes.Count, Square.Count);
            var tokenOfSquare = Enumerable.Range(0, Square.Count).Where(s => !Square.IsCentre(s)).ToArray();
            bySquare.index_copy_(1, tensor(tokenOfSquare.Select(s => (long)s).ToArray()),
                probabilities.index_select(1, tensor(tokenOfSquare.Select(s => (long)Square.ToOriginalToken(s)).ToArray())));
            return bySquare.MoveToOuterDisposeScope();
        }
        finally
        {
            foreach (var handle in handles) handle.Dispose();
        }
    }

    /// <summary>
    /// Li et al.'s error: the size of the symmetric difference between the model's N most probable moves and the
    /// legal moves <paramref name="legal"/>, N = their number.
    /// </summary>
    public static int SymmetricDifference(ReadOnlySpan<float> probabilities, ulong legal)
    {
        int n = Bitboards.Count(legal);
        var order = Enumerable.Range(0, Square.Count).Where(s => !Square.IsCentre(s)).ToArray();
        var values = probabilities.ToArray();
        Array.Sort(order, (a, b) => values[b].CompareTo(values[a]));
        ulong predicted = 0;
        for (int k = 0; k < n; k++) predicted |= 1UL << order[k];
        return Bitboards.Count(predicted ^ legal);
    }
}
