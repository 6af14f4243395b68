using System.Globalization;
using WorldProbe.Interventions;
using WorldProbe.Othello.Probes;
using WorldProbe.Othello.Release;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Demo;

/// <summary>
/// A small Othello world-model study on the shipped Othello-GPT: relative linear probes at every layer (and on a random
/// model), 300 intervention cases per tile edit with both methods at Ls 1, one saliency board. Skips with a note when no
/// model is shipped.
/// </summary>
public sealed class OthelloWorldModelStep : IDemoStep
{
    readonly string? modelFolder;

    /// <summary>A step on <paramref name="modelFolder"/> (default: <see cref="ShippedOthelloModel"/> in the checkout).</summary>
    public OthelloWorldModelStep(string? modelFolder = null) => this.modelFolder = modelFolder;

    /// <inheritdoc />
    public string Name => "othello-world-model";

    /// <inheritdoc />
    public void Run(string folder, HtmlReport report, IProgressSink progress)
    {
        string model = modelFolder ?? ShippedOthelloModel.Folder;
        if (!File.Exists(Path.Combine(model, "config.json")))
        {
            report.Heading("Othello world model")
                  .Paragraph($"Skipped: no Othello-GPT at {model} (config.json + model.safetensors). " +
                             "Train one with worldprobe othello train, or run worldprobe othello world-model --model DIR on any model folder.");
            return;
        }
        // Every layer for the curve, and the best flip setting measured on the shipped model (probe direction, Ls 1,
        // alpha 3; docs/othello-probes.md), on enough cases for its interval to clear 1.
        var settings = new WorldModelStudySettings(
            new ProbeStudySettings(model, null, 600, null, [ProbeTarget.Relative], [ProbeKind.Linear], true, new ProbeTrainingOptions(MaxEpochs: 8)),
            new InterventionSettings(model, null, 600, 300, [1], [0], [3], Steps: 300, TileEdits: [TileEdit.Flip, TileEdit.Erase]),
            SaliencyBoards: 1, SaliencyStartLayer: 1, SaliencyAlpha: 3);
        var seconds = WorldModelStudy.Run(settings, folder, report, progress, Path.GetDirectoryName(folder));
        report.Paragraph("Demo-sized study: " + string.Join(", ", seconds.Select(s => $"{s.Key} {s.Value.ToString("F1", CultureInfo.InvariantCulture)} s")) +
                         ". The full study: worldprobe othello world-model --model " + ShippedOthelloModel.RelativePath + " (see docs/othello-probes.md).");
    }
}
