using System.Diagnostics;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Probes;

/// <summary>A trained probe, its test results and how training went.</summary>
/// <param name="Probe">The probe (the best validation epoch's weights, in eval mode).</param>
/// <param name="Test">Results on the test games.</param>
/// <param name="Epochs">Epochs run.</param>
/// <param name="Seconds">Wall time of training and testing.</param>
public sealed record ProbeFit(BoardProbe Probe, ProbeEvaluation Test, int Epochs, double Seconds);

/// <summary>The games of a dataset split three ways (by game, never by position).</summary>
/// <param name="Train">Training rows.</param>
/// <param name="Validation">Early-stopping rows.</param>
/// <param name="Test">Test rows.</param>
/// <param name="TestGames">The test games, in the order of <see cref="ProbeEvaluation.CorrectPerGame"/> (and its per-class counts).</param>
public sealed record GameRowSplit(long[] Train, long[] Validation, long[] Test, int[] TestGames)
{
    /// <summary>Shuffles the games of <paramref name="gameOf"/> with <paramref name="seed"/> and assigns whole games to test, validation and training.</summary>
    public static GameRowSplit Create(int[] gameOf, int games, double validationFraction, double testFraction, long seed)
    {
        if (games < 3) throw new WorldProbeException($"--games: {games} games cannot be split into training, validation and test games; use at least 10.");
        var order = Enumerable.Range(0, games).ToArray();
        new Random((int)seed).Shuffle(order);
        int test = Math.Max(1, (int)Math.Round(games * testFraction));
        int validation = Math.Max(1, (int)Math.Round(games * validationFraction));
        var part = new int[games];
        for (int i = 0; i < games; i++) part[order[i]] = i < test ? 2 : i < test + validation ? 1 : 0;
        var rows = new List<long>[3] { [], [], [] };
        for (int r = 0; r < gameOf.Length; r++) rows[part[gameOf[r]]].Add(r);
        int[] testGames = order.Take(test).Order().ToArray();
        return new GameRowSplit(rows[0].ToArray(), rows[1].ToArray(), rows[2].ToArray(), testGames);
    }
}

/// <summary>Trains a board probe in batches with AdamW and early stopping on validation games.</summary>
public static class ProbeTrainer
{
    /// <summary>Trains a <paramref name="kind"/> probe for <paramref name="target"/> on layer <paramref name="layer"/> of <paramref name="data"/>.</summary>
    public static ProbeFit Train(ActivationDataset data, int layer, ProbeTarget target, ProbeKind kind, GameRowSplit split,
                                 ProbeTrainingOptions options, IProgressSink? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var features = data.At(layer);                                                                          // [rows, d_model]
        using var labels = tensor(target.Of(data.Labels).AsSpan(0, data.Rows * Square.Count).ToArray(), data.Rows, Square.Count).to(ScalarType.Int64); // [rows, 64]
        var probe = new BoardProbe(target, kind, layer, (int)features.shape[1], options.Seed);
        using var optimizer = optim.AdamW(probe.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        using var trainRows = tensor(split.Train);
        using var validationRows = tensor(split.Validation);
        var generator = new Generator((ulong)options.Seed);
        double best = double.PositiveInfinity;
        Dictionary<string, Tensor>? bestWeights = null;
        int epochs = 0, sinceBest = 0;
        using var task = (progress ?? IProgressSink.Silent).Start($"{kind.Name()} {target.Name()} probe, layer {layer}", options.MaxEpochs, "epochs");
        for (int epoch = 0; epoch < options.MaxEpochs && sinceBest < options.Patience; epoch++)
        {
            probe.train();
            using (var shuffle = trainRows[randperm(trainRows.shape[0], generator: generator)])
            {
                for (long first = 0; first < shuffle.shape[0]; first += options.BatchSize)
                {
                    using var scope = NewDisposeScope();
                    var rows = shuffle[TensorIndex.Slice(first, first + options.BatchSize)];
                    var loss = Loss(probe, features.index_select(0, rows), labels.index_select(0, rows));
                    optimizer.zero_grad();
                    loss.backward();
                    optimizer.step();
                }
            }
            epochs++;
            double validationLoss = MeanLoss(probe, features, labels, validationRows, options.BatchSize);
            if (validationLoss < best - 1e-5)
            {
                best = validationLoss;
                sinceBest = 0;
                if (bestWeights is not null) foreach (var old in bestWeights.Values) old.Dispose();
                bestWeights = probe.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
            }
            else sinceBest++;
            task.Advance(1);
        }
        if (bestWeights is not null)
            using (no_grad())
                foreach (var (name, parameter) in probe.named_parameters())
                {
                    parameter.copy_(bestWeights[name]);
                    bestWeights[name].Dispose();
                }
        probe.eval();
        var test = Evaluate(probe, data, labels, split, target);
        return new ProbeFit(probe, test, epochs, watch.Elapsed.TotalSeconds);
    }

    static Tensor Loss(BoardProbe probe, Tensor features, Tensor labels) =>
        nn.functional.cross_entropy(probe.forward(features).reshape(-1, probe.Classes), labels.reshape(-1));

    static double MeanLoss(BoardProbe probe, Tensor features, Tensor labels, Tensor rows, int batch)
    {
        probe.eval();
        double total = 0;
        using var noGrad = no_grad();
        for (long first = 0; first < rows.shape[0]; first += batch)
        {
            using var scope = NewDisposeScope();
            var part = rows[TensorIndex.Slice(first, first + batch)];
            total += Loss(probe, features.index_select(0, part), labels.index_select(0, part)).item<float>() * part.shape[0];
        }
        return total / Math.Max(1, rows.shape[0]);
    }

    static ProbeEvaluation Evaluate(BoardProbe probe, ActivationDataset data, Tensor labels, GameRowSplit split, ProbeTarget target)
    {
        var features = data.At(probe.Layer);
        var gameSlot = new Dictionary<int, int>();
        for (int i = 0; i < split.TestGames.Length; i++) gameSlot[split.TestGames[i]] = i;
        var correctPerSquare = new double[Square.Count];
        int classes = target.Classes();
        var correctPerGameClass = new double[split.TestGames.Length * classes];
        var countPerGameClass = new double[split.TestGames.Length * classes];
        byte[] truth = target.Of(data.Labels);
        using var noGrad = no_grad();
        for (int first = 0; first < split.Test.Length; first += 4096)
        {
            using var scope = NewDisposeScope();
            long[] rowIds = split.Test.Skip(first).Take(4096).ToArray();
            var rows = tensor(rowIds);
            byte[] correct = probe.forward(features.index_select(0, rows)).argmax(-1).eq(labels.index_select(0, rows)) // [batch, 64]
                .to(ScalarType.Byte).contiguous().data<byte>().ToArray();
            for (int i = 0; i < rowIds.Length; i++)
            {
                int slot = gameSlot[data.GameOf[rowIds[i]]];
                for (int sq = 0; sq < Square.Count; sq++)
                {
                    correctPerSquare[sq] += correct[i * Square.Count + sq];
                    int cell = slot * classes + truth[rowIds[i] * Square.Count + sq];
                    correctPerGameClass[cell] += correct[i * Square.Count + sq];
                    countPerGameClass[cell]++;
                }
            }
        }
        return new ProbeEvaluation(correctPerSquare, split.Test.Length, MajorityAccuracy(target, data, split), classes, correctPerGameClass, countPerGameClass);
    }

    static double MajorityAccuracy(ProbeTarget target, ActivationDataset data, GameRowSplit split)
    {
        byte[] labels = target.Of(data.Labels);
        var counts = new long[Square.Count, target.Classes()];
        foreach (long r in split.Train)
            for (int s = 0; s < Square.Count; s++) counts[s, labels[r * Square.Count + s]]++;
        long correct = 0;
        foreach (long r in split.Test)
            for (int s = 0; s < Square.Count; s++)
            {
                int majority = 0;
                for (int c = 1; c < target.Classes(); c++) if (counts[s, c] > counts[s, majority]) majority = c;
                if (labels[r * Square.Count + s] == majority) correct++;
            }
        return split.Test.Length == 0 ? double.NaN : (double)correct / (split.Test.Length * Square.Count);
    }
}
