using WorldProbe.Activations;
using WorldProbe.SpaceTime.Extraction;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>Checks that a model folder is the one a store was extracted from, by the identity its manifest records.</summary>
public static class ModelStoreCheck
{
    /// <summary>
    /// Throws a <see cref="WorldProbeException"/> naming the model and the store unless the folder's
    /// config.json hash and weight files (names and sizes) equal those in the store's settings; a store
    /// without them (older versions) must at least name the same model.
    /// </summary>
    /// <param name="model">The model argument (embedded name or folder).</param>
    /// <param name="folder">Its resolved folder.</param>
    /// <param name="storeDirectory">The store's folder.</param>
    /// <param name="manifest">The store's manifest.</param>
    public static void Require(string model, string folder, string storeDirectory, ActivationStoreManifest manifest)
    {
        var recorded = manifest.Settings;
        if (!recorded.TryGetValue("model_config_sha256", out var configHash) || !recorded.TryGetValue("model_weights", out var weights))
        {
            if (manifest.Model != model)
                throw new WorldProbeException($"--model {model}: {storeDirectory} was extracted from {manifest.Model} and records no model hash; pass --model {manifest.Model}.");
            return;
        }
        string actualHash = File.Exists(Path.Combine(folder, "config.json")) ? ActivationStoreWriter.HashFile(Path.Combine(folder, "config.json")) : "none";
        string actualWeights = SpaceExtraction.WeightFiles(folder);
        if (actualHash != configHash || actualWeights != weights)
            throw new WorldProbeException(
                $"--model {model} ({folder}): not the model {storeDirectory} was extracted from ({manifest.Model}): config.json SHA-256 {actualHash} against {configHash}, " +
                $"weights '{actualWeights}' against '{weights}'. Pass the model the store was made with.");
    }
}
