using TorchSharp.Modules;
using Transformer = WorldProbe.Transformers.Transformer;
using WorldProbe.Activations;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Training;

/// <summary>
/// The files of a training folder. A checkpoint is a sub-folder training/step-NNNNNNNN/ holding the
/// model (config.json + model.safetensors, loadable by <see cref="TransformerLoader"/>) and the
/// optimizer state; training/state.json names the newest complete one and is written after it, so a
/// run killed at any moment resumes from a whole checkpoint. The folder's own config.json and
/// model.safetensors are the exported model of the newest checkpoint.
/// </summary>
public static class TrainingCheckpoint
{
    const string OptimizerFile = "optimizer.bin";
    const string HeldOutFile = "training/held_out.npy";

    /// <summary>Saves model and optimizer as the checkpoint of <paramref name="state"/>.Step, then the state, then the export.</summary>
    public static TrainingState Save(string folder, Transformer model, OptimizerHelper optimizer, TrainingState state)
    {
        string relative = $"training/step-{state.Step:D8}";
        string checkpoint = Path.Combine(folder, relative);
        if (Directory.Exists(checkpoint)) Directory.Delete(checkpoint, recursive: true);
        OthelloGpt.Save(model, checkpoint);
        string optimizerPath = Path.Combine(checkpoint, OptimizerFile);
        Runs.AtomicFile.Write(optimizerPath, stream =>
        {
            using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            optimizer.save_state_dict(writer);
        });
        var saved = state with { Checkpoint = relative };
        saved.WriteTo(folder);
        OthelloGpt.Save(model, folder);
        foreach (string old in Directory.EnumerateDirectories(Path.Combine(folder, "training"), "step-*"))
            if (Path.GetFileName(old) != Path.GetFileName(checkpoint)) Directory.Delete(old, recursive: true);
        return saved;
    }

    /// <summary>Loads the weights and optimizer state of the checkpoint <paramref name="state"/> names.</summary>
    public static void Load(string folder, TrainingState state, Transformer model, OptimizerHelper optimizer)
    {
        string checkpoint = Path.Combine(folder, state.Checkpoint
            ?? throw new WorldProbeException($"{folder}: the training state names no checkpoint; start a new run."));
        using (var saved = TransformerLoader.Load(checkpoint))
        using (no_grad())
        {
            var source = saved.named_parameters().ToDictionary(p => p.name, p => p.parameter);
            foreach (var (name, parameter) in model.named_parameters())
                parameter.copy_(source.TryGetValue(name, out var value) ? value
                    : throw new WorldProbeException($"{checkpoint}: the checkpoint lacks {name}; it was written by another model shape."));
        }
        string optimizerPath = Path.Combine(checkpoint, OptimizerFile);
        using var stream = File.OpenRead(optimizerPath);
        using var reader = new BinaryReader(stream);
        optimizer.load_state_dict(reader);
    }

    /// <summary>Writes the held-out game indices (int64 .npy, readable by numpy).</summary>
    public static void SaveHeldOut(string folder, long[] heldOut) =>
        NpyFile.Write(Path.Combine(folder, HeldOutFile), tensor(heldOut));

    /// <summary>Reads the held-out game indices a run recorded.</summary>
    public static long[] LoadHeldOut(string folder)
    {
        string path = Path.Combine(folder, HeldOutFile);
        if (!File.Exists(path))
            throw new WorldProbeException($"{path}: missing; this folder has no record of its held-out games (was it trained by worldprobe othello train?).");
        using var values = NpyFile.Read(path);
        return values.data<long>().ToArray();
    }
}
