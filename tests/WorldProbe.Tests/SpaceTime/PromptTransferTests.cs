using WorldProbe.Activations;
using WorldProbe.Probing;
using WorldProbe.Probing.Metrics;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Analysis;
using static TorchSharp.torch;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Prompt transfer on planted activations with a known offset between two "prompts", and the store pair check.</summary>
public sealed class PromptTransferTests
{
    const int Rows = 600, Width = 20;
    static readonly SpaceExperimentOptions Options = new() { BootstrapResamples = 100 };

    /// <summary>
    /// Targets y [n, 2]; prompt A's activations y M + noise + a; prompt B's the same representation,
    /// other noise, and a constant offset whose image in target space is delta. Returns features,
    /// targets, delta and the split (every fifth row a test row).
    /// </summary>
    static (Tensor A, Tensor B, Tensor Targets, double[] Delta, long[] Train, long[] Test) Planted()
    {
        var generator = new Generator(11);
        var targets = randn(Rows, 2, ScalarType.Float64, generator: generator) * tensor(new[] { 50.0, 20.0 }, ScalarType.Float64); // [n, 2], longitude/latitude-like spread
        var map = randn(2, Width, ScalarType.Float64, generator: generator) / 10;    // [2, d]: target units -> activation
        double[] delta = [-120, 45];                                                      // B's offset in target units
        var offset = tensor(delta, ScalarType.Float64).unsqueeze(0).matmul(map);        // [1, d]
        var a = targets.matmul(map) + 0.3 * randn(Rows, Width, ScalarType.Float64, generator: generator) + 2;
        var b = targets.matmul(map) + 0.3 * randn(Rows, Width, ScalarType.Float64, generator: generator) + 2 + offset;
        long[] test = Enumerable.Range(0, Rows).Where(i => i % 5 == 0).Select(i => (long)i).ToArray();
        long[] train = Enumerable.Range(0, Rows).Where(i => i % 5 != 0).Select(i => (long)i).ToArray();
        return (a.to_type(ScalarType.Float32), b.to_type(ScalarType.Float32), targets, delta, train, test);
    }

    [Fact]
    public void OffsetBreaksRawTransferAndCentringRecoversIt()
    {
        var (a, b, targets, delta, train, test) = Planted();
        var layer = PromptTransfer.CompareLayer(3, a, b, targets, train, test, place: false, Options);

        Assert.True(layer.AToA.Scores.RSquared.Value > 0.9, $"A->A {layer.AToA.Scores.RSquared.Format()}");
        Assert.True(layer.BToB.Scores.RSquared.Value > 0.9, $"B->B {layer.BToB.Scores.RSquared.Format()}");
        // The offset shifts every prediction by about delta: far worse than predicting the mean.
        Assert.True(layer.AToBRaw.Scores.RSquared.Value < 0, $"A->B raw {layer.AToBRaw.Scores.RSquared.Format()}");
        Assert.True(layer.BToARaw.Scores.RSquared.Value < 0, $"B->A raw {layer.BToARaw.Scores.RSquared.Format()}");
        // Centring each prompt on its own training mean removes it.
        Assert.True(layer.AToBCentred.Scores.RSquared.Value > 0.85, $"A->B centred {layer.AToBCentred.Scores.RSquared.Format()}");
        Assert.True(layer.BToACentred.Scores.RSquared.Value > 0.85, $"B->A centred {layer.BToACentred.Scores.RSquared.Format()}");
        // The offset seen through A's probe is the planted one, in target units (ridge shrinks it a little).
        for (int o = 0; o < 2; o++)
            Assert.True(Math.Abs(layer.OffsetAlongProbeA[o] - delta[o]) < 0.15 * Math.Abs(delta[o]), $"offset {layer.OffsetAlongProbeA[o]} against {delta[o]}");
        // A constant shift leaves ranks alone: raw and centred transfer have the same Spearman, close to the within-prompt one.
        Assert.Equal(layer.AToBRaw.Spearman.Value, layer.AToBCentred.Spearman.Value, 12);
        Assert.True(layer.AToBRaw.Spearman.Value > layer.AToA.Spearman.Value - 0.05);
    }

    [Fact]
    public void CentredTransferEqualsAProbeRefittedOnCentredActivations()
    {
        var (a, b, targets, _, train, test) = Planted();
        var layer = PromptTransfer.CompareLayer(0, a, b, targets, train, test, place: false, Options);
        using var trainIndex = tensor(train);
        using var testIndex = tensor(test);
        var meanA = a.index_select(0, trainIndex).mean([0L]);
        var meanB = b.index_select(0, trainIndex).mean([0L]);
        using var refit = RidgeProbe.Fit(a.index_select(0, trainIndex) - meanA, targets.index_select(0, trainIndex), Options.Ridge);
        var predicted = refit.Predict(b.index_select(0, testIndex) - meanB);
        Assert.Equal(layer.AlphaA, refit.Report.ChosenAlpha[0]);
        Assert.Equal(RSquared.Average(targets.index_select(0, testIndex), predicted), layer.AToBCentred.Scores.RSquared.Value, 6);
    }

    sealed class ConstantSource(int width) : IActivationSource
    {
        public int DModel => width;
        public Tensor Run(int[] rows) => ones(1, rows.Length, width);
    }

    static string Store(string root, string name, string model, string dataset, string[] ids)
    {
        string folder = Path.Combine(root, name);
        var plan = BatchPlan.Create(ids.Select(_ => 4).ToArray(), batchSize: 8);
        ActivationStoreWriter.Extract(folder, new ExtractionSettings(model, dataset, name, ScalarType.Float16, [0], 8), plan, ids, new ConstantSource(4),
            ShardSpec.Whole, IProgressSink.Silent);
        return folder;
    }

    [Fact]
    public void StoresOfOtherEntitiesDatasetsOrModelsAreRefusedNamingBothFolders()
    {
        string root = Directory.CreateTempSubdirectory("wp-prompt-pair-").FullName;
        try
        {
            string[] ids = ["1", "2", "3", "4", "5"];
            string a = Store(root, "when", "minilm", "pantheon", ids);
            string otherEntities = Store(root, "empty", "minilm", "pantheon", ["1", "2", "3", "4", "6"]);
            string otherDataset = Store(root, "random", "minilm", "art", ids);
            string otherModel = Store(root, "when_all_caps", "gpt2", "pantheon", ids);
            foreach (var (other, what) in new[] { (otherEntities, "entities differ"), (otherDataset, "dataset differs"), (otherModel, "model differs") })
            {
                var error = Assert.Throws<WorldProbeException>(() => PromptTransfer.Run(a, other, Options));
                Assert.Contains(a, error.Message);
                Assert.Contains(other, error.Message);
                Assert.Contains(what, error.Message);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
