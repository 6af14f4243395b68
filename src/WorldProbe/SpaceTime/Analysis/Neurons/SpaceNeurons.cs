using System.Globalization;
using WorldProbe.Activations;
using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Extraction;
using WorldProbe.SpaceTime.Prompts;
using WorldProbe.Transformers;
using WorldProbe.Transformers.Tokenization;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Space and time neurons (Gurnee and Tegmark): for the MLP neurons of the blocks around a probed layer,
/// the cosine of the layer's probe direction (per output, residual basis) with each neuron's input row
/// and output column, and the Spearman correlation of the neuron's activation (<c>hook_mlp_post</c> at the
/// probed token) with each target; the top neurons' own R² as 1-D ridge probes.
/// </summary>
public static class SpaceNeurons
{
    /// <summary>The experiment's name on the command line.</summary>
    public const string Name = "neurons";

    /// <summary>
    /// Runs the model <paramref name="model"/> (checked against the store's manifest) over the entities of
    /// the store in <paramref name="storeDirectory"/> and measures the neurons.
    /// </summary>
    public static SpaceNeuronResults Run(string storeDirectory, string model, NeuronOptions? neuronOptions = null, SpaceExperimentOptions? options = null,
        IProgressSink? progress = null, string? dataRoot = null, string? cacheRoot = null)
    {
        neuronOptions ??= new NeuronOptions();
        options ??= new SpaceExperimentOptions();
        progress ??= IProgressSink.Silent;
        var manifest = ActivationStore.Open(storeDirectory).Manifest;
        string folder = SpaceExtraction.ResolveModelFolder(model, cacheRoot);
        ModelStoreCheck.Require(model, folder, storeDirectory, manifest);
        var data = ProbeData.Open(storeDirectory, dataRoot);
        int layer = LayerSelection.Resolve(data, options.Layer, options.Ridge, progress);

        using var scope = NewDisposeScope();
        var features = data.ReadLayer(layer); // [n, d_model]
        using var trainAll = tensor(data.Train);
        using var probe = RidgeProbe.Fit(features.index_select(0, trainAll), data.Targets.index_select(0, trainAll), options.Ridge);

        using var tokenizer = TokenizerLoader.Load(folder);
        using var transformer = TransformerLoader.Load(folder);
        int[] blocks = (neuronOptions.Blocks ?? Enumerable.Range(layer - 2, 4).ToArray()).Where(b => b >= 0 && b < transformer.Config.NLayers).Distinct().Order().ToArray();
        if (blocks.Length == 0) throw new WorldProbeException($"--blocks: none of them exists; {model} has blocks 0..{transformer.Config.NLayers - 1}.");

        long[] rows = MlpVersusLinear.EvenSubset(Enumerable.Range(0, data.Entities.Count).Select(i => (long)i).ToArray(), neuronOptions.MaxEntities);
        var template = PromptCatalog.GetFor(data.Dataset, data.Prompt);
        long seed = manifest.Settings.TryGetValue("prompt_seed", out var text) ? long.Parse(text, CultureInfo.InvariantCulture) : 0;
        var encoded = rows.Select(r => EncodedPrompt.Encode(tokenizer, PromptCatalog.Render(template, data.Entities[(int)r], seed))).ToArray();
        var (neurons, residual) = NeuronActivations.Collect(transformer, encoded.Select(e => e.Ids).ToArray(), encoded.Select(e => e.ProbedIndex).ToArray(),
            blocks, layer, neuronOptions.BatchSize, progress);
        using var rowIndex = tensor(rows);
        var stored = features.index_select(0, rowIndex);
        double relative = (residual! - stored).norm().item<float>() / Math.Max(stored.norm().item<float>(), 1e-30f);
        // fp16 stores round to about 1e-3; anything near 1 means other entities, another prompt or another model.
        if (relative > 0.02)
            throw new WorldProbeException($"{storeDirectory}: the residual stream recomputed with {model} differs from the stored layer {layer} by {relative:P1}; " +
                                          "the store was made with another model, prompt or tokenizer. Extract it again or pass the right --model.");

        long[] train = Enumerable.Range(0, rows.Length).Where(i => !data.Entities[(int)rows[i]].IsTest).Select(i => (long)i).ToArray();
        long[] test = Enumerable.Range(0, rows.Length).Where(i => data.Entities[(int)rows[i]].IsTest).Select(i => (long)i).ToArray();
        if (train.Length < 2 || test.Length < 2)
            throw new WorldProbeException($"--max-entities {neuronOptions.MaxEntities}: {train.Length} training and {test.Length} test rows; keep more entities.");
        var targets = data.Targets.index_select(0, rowIndex); // [m, k]
        using var testIndex = tensor(test);
        var testTargets = targets.index_select(0, testIndex);
        var probePredicted = probe.Predict(stored.index_select(0, testIndex));
        var probeInterval = Bootstrap.PercentileInterval(test.Length,
            r => RSquared.Average(testTargets.index_select(0, r), probePredicted.index_select(0, r)), options.Bootstrap);

        var measured = blocks.Select(b => (MlpNeuronWeights.Of(transformer, b), neurons[b])).ToArray();
        var perTarget = Analyze(probe.Weights, measured, targets, train, test, data.TargetNames, neuronOptions.Top, options);
        return new SpaceNeuronResults(data.Model, data.Dataset, data.Prompt, data.IsPlace ? "place" : "time", layer, blocks, transformer.Config.DMlp,
            rows.Length, train.Length, test.Length, new ScoreWithInterval(probeInterval.Estimate, probeInterval.Low, probeInterval.High), relative,
            1 / Math.Sqrt(transformer.Config.DModel), options.BootstrapResamples, perTarget);
    }

    /// <summary>
    /// The measurements, given the probe's directions [d_model, k], each block's weights with its
    /// neurons' activations [m, d_mlp], targets [m, k] and the training and test rows among the m.
    /// </summary>
    public static IReadOnlyList<TargetNeurons> Analyze(Tensor directions, IReadOnlyList<(MlpNeuronWeights Weights, Tensor Activations)> blocks, Tensor targets,
        long[] train, long[] test, IReadOnlyList<string> targetNames, int top, SpaceExperimentOptions options)
    {
        using var scope = NewDisposeScope();
        using var trainIndex = tensor(train);
        using var testIndex = tensor(test);
        int k = (int)targets.shape[1];
        var all = Enumerable.Range(0, k).Select(_ => new List<NeuronScore>()).ToArray();
        foreach (var (weights, activations) in blocks)
        {
            var (input, output) = NeuronCosines.Compute(directions, weights);
            var trainActivations = activations.index_select(0, trainIndex);
            var testActivations = activations.index_select(0, testIndex);
            for (int o = 0; o < k; o++)
            {
                double[] spearmanTrain = ColumnSpearman.Correlations(trainActivations, targets.index_select(0, trainIndex)[.., o]);
                double[] spearmanTest = ColumnSpearman.Correlations(testActivations, targets.index_select(0, testIndex)[.., o]);
                for (int n = 0; n < spearmanTrain.Length; n++)
                    all[o].Add(new NeuronScore(weights.Block, n, input[o][n], output[o][n], spearmanTrain[n], spearmanTest[n]));
            }
        }
        var byBlock = blocks.ToDictionary(b => b.Weights.Block, b => b.Activations);
        var results = new List<TargetNeurons>();
        for (int o = 0; o < k; o++)
        {
            var fitted = new Dictionary<(int, int), NeuronScore>();
            NeuronScore WithRSquared(NeuronScore neuron)
            {
                if (!fitted.TryGetValue((neuron.Block, neuron.Neuron), out var scored))
                    fitted[(neuron.Block, neuron.Neuron)] = scored = FitOne(neuron, byBlock[neuron.Block], targets[.., o], trainIndex, testIndex, options);
                return scored;
            }
            List<NeuronScore> Top(Func<NeuronScore, double> key) =>
                all[o].OrderByDescending(n => double.IsNaN(key(n)) ? -1 : Math.Abs(key(n))).Take(top).Select(WithRSquared).ToList();
            var bySpearman = Top(n => n.SpearmanTrain);
            var best = bySpearman[0];
            var bestColumn = byBlock[best.Block][.., best.Neuron].index_select(0, testIndex);
            results.Add(new TargetNeurons(targetNames[o], bySpearman, Top(n => n.InputCosine), Top(n => n.OutputCosine),
                bestColumn.to_type(ScalarType.Float64).data<double>().ToArray(),
                targets.index_select(0, testIndex)[.., o].contiguous().to_type(ScalarType.Float64).data<double>().ToArray()));
        }
        return results;
    }

    static NeuronScore FitOne(NeuronScore neuron, Tensor activations, Tensor target, Tensor trainIndex, Tensor testIndex, SpaceExperimentOptions options)
    {
        using var scope = NewDisposeScope();
        var column = activations[.., neuron.Neuron].unsqueeze(1); // [m, 1]
        var trainFeatures = column.index_select(0, trainIndex);
        var trainTarget = target.index_select(0, trainIndex).unsqueeze(1);
        var testTarget = target.index_select(0, testIndex).unsqueeze(1);
        using var probe = RidgeProbe.Fit(trainFeatures, trainTarget, options.Ridge);
        double trainR2 = RSquared.Average(trainTarget, probe.Predict(trainFeatures));
        var predicted = probe.Predict(column.index_select(0, testIndex));
        var interval = Bootstrap.PercentileInterval(testIndex.shape[0],
            rows => RSquared.Average(testTarget.index_select(0, rows), predicted.index_select(0, rows)), options.Bootstrap);
        return neuron with { TrainRSquared = trainR2, TestRSquared = new ScoreWithInterval(interval.Estimate, interval.Low, interval.High) };
    }
}
