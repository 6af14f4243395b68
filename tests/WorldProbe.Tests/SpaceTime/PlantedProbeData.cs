using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Datasets;
using static TorchSharp.torch;

namespace WorldProbe.Tests.SpaceTime;

/// <summary>
/// In-memory probe data with a known answer: features drawn around a per-group mean, targets a planted
/// linear map of the features (negated for the groups asked for), every fifth row a test row.
/// </summary>
static class PlantedProbeData
{
    /// <summary>One group: its name, size, feature mean and whether its targets follow the negated map.</summary>
    public sealed record Group(string Name, int Size, double[] FeatureMean, bool Negated = false);

    /// <summary>
    /// Builds the data. Places: targets [longitude, latitude] = x W (latitude scaled down to stay within
    /// ±90); times: [year] = 1900 + x w. <paramref name="metadataKey"/> holds each row's group.
    /// </summary>
    public static ProbeData Build(IReadOnlyList<Group> groups, TargetKind kind, string metadataKey, int d = 8, double noise = 0, long seed = 1,
        string dataset = "planted", IReadOnlyDictionary<int, Func<Tensor, Tensor>>? layers = null)
    {
        var generator = new Generator((ulong)seed);
        int outputs = kind == TargetKind.Place ? 2 : 1;
        var map = randn(d, outputs, dtype: ScalarType.Float64, generator: generator) * 2.0; // [d, k]
        if (kind == TargetKind.Place) map[.., 1] *= 0.5;
        var features = new List<Tensor>();
        var targets = new List<Tensor>();
        var entities = new List<Entity>();
        foreach (var group in groups)
        {
            var x = randn(group.Size, d, dtype: ScalarType.Float64, generator: generator) + tensor(group.FeatureMean, ScalarType.Float64); // [size, d]
            var y = x.matmul(map) * (group.Negated ? -1 : 1) + noise * randn(group.Size, outputs, dtype: ScalarType.Float64, generator: generator);
            if (kind == TargetKind.Time) y += 1900;
            features.Add(x);
            targets.Add(y);
            for (int i = 0; i < group.Size; i++)
            {
                int id = entities.Count + 1;
                entities.Add(new Entity(id, $"{group.Name} {i}", dataset, null, null, null, id % 5 == 0,
                    new Dictionary<string, string> { [metadataKey] = group.Name }));
            }
        }
        var all = cat(features, 0).to_type(ScalarType.Float32); // [n, d]
        var layerMap = layers ?? new Dictionary<int, Func<Tensor, Tensor>> { [0] = x => x };
        return new ProbeData("planted", dataset, "none", kind, entities, cat(targets, 0), layerMap.Keys.Order().ToArray(), layer => layerMap[layer](all));
    }

    /// <summary>A feature mean of <paramref name="value"/> on dimension <paramref name="dimension"/> of <paramref name="d"/>.</summary>
    public static double[] Axis(int dimension, double value, int d = 8)
    {
        var mean = new double[d];
        mean[dimension] = value;
        return mean;
    }
}
