using WorldProbe.Activations;
using WorldProbe.Probing.Metrics;
using WorldProbe.SpaceTime.Analysis;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Space/time neurons: cosines by hand, column-wise Spearman, and a planted neuron in a tiny random transformer.</summary>
public sealed class NeuronTests
{
    [Fact]
    public void CosinesOfTwoNeuronsByHand()
    {
        // d_model 2, two neurons. Probe directions: longitude along x (length 5), latitude along (1, 1).
        var directions = tensor(new double[,] { { 5, 1 }, { 0, 1 } });                  // [d_model, k]
        var input = tensor(new double[,] { { 3, 4 }, { 0, -2 } });                        // [d_mlp, d_model]
        var output = tensor(new double[,] { { 1, -1 }, { 1, 0 } });                       // [d_model, d_mlp]: columns (1, 1) and (-1, 0)
        var (inCos, outCos) = NeuronCosines.Compute(directions, new MlpNeuronWeights(0, input, output));
        // x vs (3, 4): 3/5; x vs (0, -2): 0; (1,1)/√2 vs (3, 4): 7/(5√2); vs (0, -2): -1/√2.
        Assert.Equal(0.6, inCos[0][0], 12);
        Assert.Equal(0.0, inCos[0][1], 12);
        Assert.Equal(7 / (5 * Math.Sqrt(2)), inCos[1][0], 12);
        Assert.Equal(-1 / Math.Sqrt(2), inCos[1][1], 12);
        // x vs (1, 1): 1/√2; x vs (-1, 0): -1; (1,1)/√2 vs (1, 1): 1; vs (-1, 0): -1/√2.
        Assert.Equal(1 / Math.Sqrt(2), outCos[0][0], 12);
        Assert.Equal(-1.0, outCos[0][1], 12);
        Assert.Equal(1.0, outCos[1][0], 12);
        Assert.Equal(-1 / Math.Sqrt(2), outCos[1][1], 12);
    }

    [Fact]
    public void ColumnSpearmanEqualsSpearmanColumnByColumnWithTies()
    {
        var generator = new Generator(4);
        var columns = randint(0, 6, [200, 5], ScalarType.Float32, generator: generator); // many ties
        columns[.., 4] = columns[.., 0] * 2 + 1;                                        // monotone in column 0
        var target = randint(0, 9, [200], ScalarType.Float64, generator: generator) + columns[.., 0].to_type(ScalarType.Float64);
        double[] all = ColumnSpearman.Correlations(columns, target);
        for (int c = 0; c < 5; c++)
            Assert.Equal(Spearman.Correlation(columns[.., c], target), all[c], 12);
        Assert.Equal(all[0], all[4], 12);
        Assert.True(double.IsNaN(ColumnSpearman.Correlations(zeros(10, 1), arange(10))[0]));
    }

    [Fact]
    public void APlantedNeuronRanksFirstByCosineAndSpearman()
    {
        var config = new TransformerConfig
        {
            Architecture = "gpt2", VocabSize = 40, DModel = 16, NLayers = 2, NHeads = 2, DHead = 8, DMlp = 32, Context = 16,
        };
        using var model = new Transformer(config);
        model.InitializeWeights(seed: 3);
        model.eval();
        var generator = new Generator(8);
        var planted = randn(16, ScalarType.Float64, generator: generator);
        planted /= planted.norm();                                                        // [d_model] unit
        const int block = 1, neuron = 7;
        using (no_grad())
        {
            var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            // The neuron reads exactly the planted direction; its bias keeps it in GELU's near-linear range.
            parameters[$"blocks.{block}.mlp.up.weight"][neuron].copy_((planted * 3).to_type(ScalarType.Float32));
            parameters[$"blocks.{block}.mlp.up.bias"][neuron].fill_(10);
        }

        // 240 random sequences of 3..12 tokens, probed at a random position.
        var random = new Random(5);
        var sequences = Enumerable.Range(0, 240).Select(_ => Enumerable.Range(0, random.Next(3, 13)).Select(_ => (long)random.Next(40)).ToArray()).ToArray();
        int[] positions = sequences.Select(s => random.Next(s.Length)).ToArray();
        // The planted target: what the neuron reads (its pre-activation), each sequence run alone without padding, plus noise.
        var target = zeros(sequences.Length, 1, ScalarType.Float64);
        var alone = zeros(sequences.Length);
        for (int i = 0; i < sequences.Length; i++)
        {
            using var cache = ActivationCache.Run(model, tensor(sequences[i]).unsqueeze(0), names: [HookNames.MlpPre(block), HookNames.MlpPost(block)]);
            target[i, 0] = cache[HookNames.MlpPre(block)][0, positions[i], neuron].to_type(ScalarType.Float64) + 0.1 * random.NextDouble();
            alone[i] = cache[HookNames.MlpPost(block)][0, positions[i], neuron];
        }

        var (neurons, residual) = NeuronActivations.Collect(model, sequences, positions, [0, 1], residualLayer: 2, batchSize: 16);
        Assert.Equal([240L, 32L], neurons[1].shape);
        Assert.Equal([240L, 16L], residual!.shape);
        // Read in padded, length-sorted batches, the activations are those of each sequence run alone.
        Assert.True(neurons[block][.., neuron].allclose(alone, rtol: 1e-4, atol: 1e-4));
        long[] train = Enumerable.Range(0, 240).Where(i => i % 4 != 0).Select(i => (long)i).ToArray();
        long[] test = Enumerable.Range(0, 240).Where(i => i % 4 == 0).Select(i => (long)i).ToArray();
        var measured = new[] { 0, 1 }.Select(b => (MlpNeuronWeights.Of(model, b), neurons[b])).ToArray();
        var result = Assert.Single(SpaceNeurons.Analyze(planted.unsqueeze(1), measured, target, train, test, ["year"], top: 5,
            new SpaceExperimentOptions { BootstrapResamples = 50 }));

        var byCosine = result.ByInputCosine[0];
        Assert.Equal((block, neuron), (byCosine.Block, byCosine.Neuron));
        Assert.Equal(1.0, byCosine.InputCosine, 5);
        var bySpearman = result.BySpearman[0];
        Assert.Equal((block, neuron), (bySpearman.Block, bySpearman.Neuron));
        Assert.True(bySpearman.SpearmanTrain > 0.95 && bySpearman.SpearmanTest > 0.95, $"Spearman {bySpearman.SpearmanTrain}, {bySpearman.SpearmanTest}");
        Assert.True(bySpearman.TestRSquared!.Value > 0.9, $"R² {bySpearman.TestRSquared.Format()}");
        // Its activation column, read in padded batches at the probed positions, is the scatter plot's x.
        Assert.Equal(test.Length, result.BestActivation.Length);
        Assert.True(result.BySpearman.Skip(1).All(n => Math.Abs(n.SpearmanTrain) <= Math.Abs(bySpearman.SpearmanTrain)));
    }

    [Fact]
    public void AModelIsCheckedAgainstTheIdentityTheStoreRecords()
    {
        string folder = Directory.CreateTempSubdirectory("wp-model-check-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "config.json"), "{\"model_type\": \"bert\"}");
            File.WriteAllBytes(Path.Combine(folder, "model.safetensors"), new byte[123]);
            ActivationStoreManifest Manifest(string configHash, string weights) => new()
            {
                Model = "minilm", Dataset = "pantheon", Prompt = "when", StoreDType = "float16", Layers = [0], DModel = 4, TotalRows = 1,
                BatchSize = 1, BatchesPerChunk = 1, ChunkCount = 1, PlanHash = "x", EntityIds = ["1"], Chunks = [],
                Settings = new Dictionary<string, string> { ["model_config_sha256"] = configHash, ["model_weights"] = weights },
            };
            string hash = ActivationStoreWriter.HashFile(Path.Combine(folder, "config.json"));
            ModelStoreCheck.Require("minilm", folder, "store-dir", Manifest(hash, "model.safetensors 123"));
            var error = Assert.Throws<WorldProbeException>(() => ModelStoreCheck.Require("minilm", folder, "store-dir", Manifest(hash, "model.safetensors 124")));
            Assert.Contains("store-dir", error.Message);
            Assert.Contains(folder, error.Message);
            Assert.Throws<WorldProbeException>(() => ModelStoreCheck.Require("minilm", folder, "store-dir", Manifest(new string('0', 64), "model.safetensors 123")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
