using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Probes;

/// <summary>
/// Residual-stream vectors of every real input position of some games at chosen layers, with the board labels of
/// those positions. Row r is input position t of game <see cref="GameOf"/>[r]: the model has seen moves 1..t+1 and
/// the labels describe the board after them.
/// </summary>
public sealed class ActivationDataset : IDisposable
{
    /// <summary>The layers held (residual stream after j blocks).</summary>
    public IReadOnlyList<int> Layers { get; }

    /// <summary>Per layer (same order as <see cref="Layers"/>): [rows, d_model] float32 on the CPU.</summary>
    public IReadOnlyList<Tensor> Features { get; }

    /// <summary>The game (index into the games given) of each row.</summary>
    public int[] GameOf { get; }

    /// <summary>Number of games.</summary>
    public int Games { get; }

    /// <summary>The labels of each row (labels.Valid is 1 for every row): [rows, 64] per target.</summary>
    public BoardLabels Labels { get; }

    /// <summary>Label position of row r in <see cref="Labels"/>: equal to r (rows are packed).</summary>
    public int Rows => GameOf.Length;

    ActivationDataset(IReadOnlyList<int> layers, IReadOnlyList<Tensor> features, int[] gameOf, int games, BoardLabels labels)
    {
        Layers = layers;
        Features = features;
        GameOf = gameOf;
        Games = games;
        Labels = labels;
    }

    /// <summary>The features of <paramref name="layer"/>.</summary>
    public Tensor At(int layer)
    {
        int index = Layers.ToList().IndexOf(layer);
        return index >= 0 ? Features[index] : throw new WorldProbeException($"layer {layer} was not extracted; the dataset holds layers {string.Join(", ", Layers)}.");
    }

    /// <summary>
    /// Runs <paramref name="model"/> (in eval mode: dropout off) over <paramref name="games"/> and keeps the residual
    /// stream at <paramref name="layers"/> for every real input position, with the labels of the boards.
    /// </summary>
    public static ActivationDataset Extract(Transformer model, IReadOnlyList<byte[]> games, IReadOnlyList<int> layers,
                                            IProgressSink? progress = null, int batchGames = 128)
    {
        foreach (int layer in layers)
            if (layer < 0 || layer > model.Config.NLayers)
                throw new WorldProbeException($"--layers: layer {layer} does not exist; this model has layers 0..{model.Config.NLayers} (layer j = after j blocks).");
        model.eval();
        var records = new byte[games.Count * GameRecord.Length];
        for (int g = 0; g < games.Count; g++) GameRecord.From(games[g]).CopyTo(records.AsSpan(g * GameRecord.Length));
        var all = new BoardLabels(games.Count);
        BoardLabeler.LabelGames(records, all, threads: 1);

        // Only input positions exist (59 per game): the board after all 60 moves is never seen by the model.
        var rowPositions = new List<int>();
        for (int g = 0; g < games.Count; g++)
            for (int t = 0; t < MoveTokens.Context; t++)
                if (all.Valid[g * BoardLabels.PositionsPerGame + t] == 1) rowPositions.Add(g * BoardLabels.PositionsPerGame + t);
        var packed = Pack(all, rowPositions);
        int[] gameOf = rowPositions.Select(p => p / BoardLabels.PositionsPerGame).ToArray();

        var pieces = layers.Select(_ => new List<Tensor>()).ToArray();
        int stop = Math.Clamp(layers.Max(), 1, model.Config.NLayers);
        var captured = new Tensor?[layers.Count];
        var handles = layers.Select((layer, i) => model.AddHook(HookNames.ResidualLayer(layer), (activation, _) =>
        {
            captured[i] = activation.detach().clone();
            return activation;
        })).ToList();
        try
        {
            using var task = (progress ?? IProgressSink.Silent).Start("residual streams", games.Count, "games");
            for (int first = 0; first < games.Count; first += batchGames)
            {
                int count = Math.Min(batchGames, games.Count - first);
                using var scope = NewDisposeScope();
                var tokens = MoveTokens.Encode(games.Skip(first).Take(count).ToList())[.., ..MoveTokens.Context]; // [batch, 59]
                var real = tokens.ne(MoveTokens.Padding).reshape(-1);                                                  // [batch * 59]
                using (no_grad()) model.Forward(tokens, stopAtLayer: stop);
                for (int i = 0; i < layers.Count; i++)
                {
                    var rows = captured[i]!.reshape(-1, model.Config.DModel)[real];                                  // [real rows, d_model]
                    pieces[i].Add(rows.to(ScalarType.Float32).cpu().MoveToOuterDisposeScope());
                }
                task.Advance(count);
            }
        }
        finally
        {
            foreach (var handle in handles) handle.Dispose();
        }
        var features = pieces.Select(list =>
        {
            var joined = cat(list, 0);
            foreach (var piece in list) piece.Dispose();
            return joined;
        }).ToArray();
        return new ActivationDataset(layers.ToArray(), features, gameOf, games.Count, packed);
    }

    // BoardLabels with one "game" slot per 60 rows is awkward for packed rows, so rows are copied into a flat layout
    // where row r occupies label position r.
    static BoardLabels Pack(BoardLabels all, List<int> positions)
    {
        int slots = (positions.Count + BoardLabels.PositionsPerGame - 1) / BoardLabels.PositionsPerGame;
        var packed = new BoardLabels(slots);
        for (int r = 0; r < positions.Count; r++)
        {
            int p = positions[r];
            packed.Valid[r] = 1;
            packed.NextPlayer[r] = all.NextPlayer[p];
            all.Absolute.AsSpan(p * Square.Count, Square.Count).CopyTo(packed.Absolute.AsSpan(r * Square.Count));
            all.Relative.AsSpan(p * Square.Count, Square.Count).CopyTo(packed.Relative.AsSpan(r * Square.Count));
            all.Flipped.AsSpan(p * Square.Count, Square.Count).CopyTo(packed.Flipped.AsSpan(r * Square.Count));
            all.Legal.AsSpan(p * Square.Count, Square.Count).CopyTo(packed.Legal.AsSpan(r * Square.Count));
        }
        return packed;
    }

    /// <summary>A dataset from given features (tests, planted features): one row per label position.</summary>
    public static ActivationDataset FromFeatures(IReadOnlyList<int> layers, IReadOnlyList<Tensor> features, int[] gameOf, BoardLabels labels) =>
        new(layers, features, gameOf, gameOf.Length == 0 ? 0 : gameOf.Max() + 1, labels);

    /// <summary>Frees the feature tensors.</summary>
    public void Dispose()
    {
        foreach (var feature in Features) feature.Dispose();
    }
}
