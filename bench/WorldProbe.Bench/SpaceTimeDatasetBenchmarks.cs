using BenchmarkDotNet.Attributes;
using WorldProbe.SpaceTime.Datasets;
using WorldProbe.SpaceTime.Prompts;

namespace WorldProbe.Bench;

/// <summary>Loading the largest place set and the repaired Pantheon file, and rendering one prompt for every world place.</summary>
[MemoryDiagnoser(false)]
public class SpaceTimeDatasetBenchmarks
{
    EntityDataset world = null!;

    [GlobalSetup]
    public void Setup() => world = SpaceTimeDatasets.Load("world_place");

    [Benchmark]
    public EntityDataset LoadWorldPlace() => SpaceTimeDatasets.Load("world_place");

    [Benchmark]
    public EntityDataset LoadPantheon() => SpaceTimeDatasets.Load("pantheon");

    [Benchmark]
    public IReadOnlyList<RenderedPrompt> RenderWorldCoords() => PromptCatalog.RenderAll(world, "coords");
}
