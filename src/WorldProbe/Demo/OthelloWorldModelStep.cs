using System.Globalization;
using WorldProbe.Interventions;
using WorldProbe.Othello.Probes;
using WorldProbe.Othello.Release;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Demo;

/// <summary>
/// A small Othello world-model study on the shipped Othello-GPT: relative linear probes at layers 0, n-1 and n (and on a random
/// model), 50 intervention cases with both methods, one saliency board. Skips with a note when no model is shipped.
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
        // Layer 0 as the floor, and the last layers so that the interventions (Ls = n - 1) reuse the probes.
        int last = ReadLayers(model);
        int start = Math.Max(1, last - 1);
        int[] layers = [0, start, last];
        var settings = new WorldModelStudySettings(
            new ProbeStudySettings(model, null, 300, layers, [ProbeTarget.Relative], [ProbeKind.Linear], true, new ProbeTrainingOptions(MaxEpochs: 4)),
            new InterventionSettings(model, null, 300, 50, [start], [0.2], [8], Steps: 100, TileEdits: [TileEdit.Flip, TileEdit.Erase]),
            SaliencyBoards: 1, SaliencyStartLayer: start, SaliencyAlpha: 8);
        var seconds = WorldModelStudy.Run(settings, folder, report, progress, Path.GetDirectoryName(folder));
        report.Paragraph("Demo-sized study: " + string.Join(", ", seconds.Select(s => $"{s.Key} {s.Value.ToString("F1", CultureInfo.InvariantCulture)} s")) +
                         ". The full study: worldprobe othello world-model --model " + ShippedOthelloModel.RelativePath + " (see docs/othello-probes.md).");
    }

    static int ReadLayers(string model) => WorldProbe.Transformers.TransformerLoader.ReadConfig(model).NLayers;
}
