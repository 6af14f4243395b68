using WorldProbe.Probing;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// The layer an experiment runs at when none is given: the one whose ridge probe has the lowest
/// training leave-one-out error, as `space probe` chooses it (without looking at the test rows).
/// </summary>
public static class LayerSelection
{
    /// <summary>Each layer's training leave-one-out error (mean over rows and standardized outputs, at its chosen alpha).</summary>
    public static IReadOnlyDictionary<int, double> LeaveOneOutErrors(ProbeData data, RidgeOptions ridge, IProgressSink? progress = null)
    {
        progress ??= IProgressSink.Silent;
        var errors = new SortedDictionary<int, double>();
        using var task = progress.Start($"{data.Dataset}: leave-one-out error per layer", data.Layers.Count, "layers");
        using var train = tensor(data.Train);
        foreach (int layer in data.Layers)
        {
            using var scope = NewDisposeScope();
            var features = data.ReadLayer(layer).index_select(0, train);
            using var probe = RidgeProbe.Fit(features, data.Targets.index_select(0, train), ridge);
            errors[layer] = probe.Report.MeanLeaveOneOutError[probe.Report.ChosenIndex[0]];
            task.Advance(1);
        }
        return errors;
    }

    /// <summary><paramref name="requested"/> when given (checked), else the layer with the lowest training leave-one-out error.</summary>
    public static int Resolve(ProbeData data, int? requested, RidgeOptions ridge, IProgressSink? progress = null)
    {
        if (requested is int layer)
        {
            if (!data.Layers.Contains(layer))
                throw new WorldProbeException($"--layer {layer}: not stored for {data.Model} / {data.Dataset}; stored layers: {string.Join(", ", data.Layers)}.");
            return layer;
        }
        return LeaveOneOutErrors(data, ridge, progress).MinBy(pair => pair.Value).Key;
    }
}
