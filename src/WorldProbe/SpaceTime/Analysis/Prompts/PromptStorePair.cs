using WorldProbe.Activations;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// Two activation stores of the same model, dataset and entities under two prompts, checked to be
/// comparable before a probe trained on one is tested on the other.
/// </summary>
public static class PromptStorePair
{
    // What identifies the model in a store's settings (absent from stores of older versions).
    static readonly string[] ModelKeys = ["model_architecture", "model_config_sha256", "model_parameters", "model_weights"];

    /// <summary>Opens both stores after <see cref="RequireComparable"/>.</summary>
    public static (ProbeData A, ProbeData B) Open(string storeA, string storeB, string? dataRoot = null)
    {
        RequireComparable(storeA, ActivationStore.Open(storeA).Manifest, storeB, ActivationStore.Open(storeB).Manifest);
        return (ProbeData.Open(storeA, dataRoot), ProbeData.Open(storeB, dataRoot));
    }

    /// <summary>
    /// Throws a <see cref="WorldProbeException"/> naming both folders unless the manifests agree on the
    /// model (name and recorded identity), the dataset and the entity ids (same entities, same order).
    /// </summary>
    public static void RequireComparable(string folderA, ActivationStoreManifest a, string folderB, ActivationStoreManifest b)
    {
        string Both(string what) => $"{folderA} and {folderB}: {what}; extract both stores from the same model and dataset with the same --max-entities.";
        if (a.Model != b.Model) throw new WorldProbeException(Both($"the model differs ({a.Model} against {b.Model})"));
        foreach (string key in ModelKeys)
            if (a.Settings.TryGetValue(key, out var valueA) && b.Settings.TryGetValue(key, out var valueB) && valueA != valueB)
                throw new WorldProbeException(Both($"the model's {key} differs ({valueA} against {valueB})"));
        if (a.Dataset != b.Dataset) throw new WorldProbeException(Both($"the dataset differs ({a.Dataset} against {b.Dataset})"));
        if (!a.EntityIds.SequenceEqual(b.EntityIds))
        {
            int first = Enumerable.Range(0, Math.Min(a.EntityIds.Length, b.EntityIds.Length)).FirstOrDefault(i => a.EntityIds[i] != b.EntityIds[i], Math.Min(a.EntityIds.Length, b.EntityIds.Length));
            throw new WorldProbeException(Both($"the entities differ ({a.EntityIds.Length} against {b.EntityIds.Length} rows, first difference at row {first})"));
        }
    }
}
