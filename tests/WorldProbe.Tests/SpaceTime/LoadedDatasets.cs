using System.Collections.Concurrent;
using WorldProbe.SpaceTime.Datasets;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>Each vendored dataset loaded once per test run (loading all of them takes about two seconds).</summary>
static class LoadedDatasets
{
    static readonly ConcurrentDictionary<string, Lazy<EntityDataset>> Cache = new();

    public static EntityDataset Get(string name) =>
        Cache.GetOrAdd(name, n => new Lazy<EntityDataset>(() => SpaceTimeDatasets.Load(n))).Value;

    public static Entity Row(string dataset, int id) => Get(dataset).Entities.Single(e => e.Id == id);
}
