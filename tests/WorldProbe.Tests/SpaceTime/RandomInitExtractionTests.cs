using WorldProbe.Activations;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Extraction;
using WorldProbe.Tests.MiniLM;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// `space extract --random-init SEED` with the real MiniLM architecture and tokenizer: the same shapes and
/// rows as the trained store, different values, identical for the same seed, different for another,
/// and the store records it.
/// </summary>
[Collection(MiniLmCollection.Name)]
public sealed class RandomInitExtractionTests(MiniLmFixture minilm) : IDisposable
{
    readonly string root = Directory.CreateTempSubdirectory("worldprobe-random-init-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    ActivationStore Extract(string name, long? seed)
    {
        var options = new SpaceExtractionOptions("minilm", "pantheon", null, Path.Combine(root, name), Layers: [0, 6], MaxEntities: 12,
            CacheRoot: minilm.CacheRoot, RandomInitSeed: seed);
        SpaceExtraction.Run(options, IProgressSink.Silent);
        return ActivationStore.Open(options.Output);
    }

    [Fact]
    public void SameShapesOtherValuesDeterministicForTheSeed()
    {
        var trained = Extract("trained", null);
        var random = Extract("random", 5);
        var again = Extract("again", 5);
        var other = Extract("other", 6);

        Assert.Equal("minilm (random init, seed 5)", random.Manifest.Model);
        Assert.StartsWith("random init, seed 5", random.Manifest.Settings["model_weights"]);
        Assert.Equal("minilm", trained.Manifest.Model);
        Assert.Equal(trained.EntityIds, random.EntityIds);
        foreach (int layer in new[] { 0, 6 })
        {
            using var t = trained.ReadLayer(layer);
            using var r = random.ReadLayer(layer);
            using var a = again.ReadLayer(layer);
            using var o = other.ReadLayer(layer);
            Assert.Equal(t.shape, r.shape);
            Assert.True(r.isfinite().all().item<bool>());
            Assert.False(r.allclose(t, rtol: 0.1, atol: 0.1), $"layer {layer}: the random-init store equals the trained one");
            Assert.True(r.equal(a).all().item<bool>(), $"layer {layer}: same seed, different activations");
            Assert.False(r.allclose(o, rtol: 0.01, atol: 0.01), $"layer {layer}: another seed gave the same activations");
        }
    }
}
