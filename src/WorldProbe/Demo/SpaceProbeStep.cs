using System.Globalization;
using WorldProbe.Reports;
using WorldProbe.Runs;
using WorldProbe.SpaceTime.Analysis;
using WorldProbe.SpaceTime.Extraction;

namespace WorldProbe.Demo;

/// <summary>
/// Space in a real model: MiniLM's residual stream at the last token of 3,000 world places (the
/// "coords" prompt, fp16 store), a ridge probe per layer for [longitude, latitude], and the best
/// layer's test predictions on a world map.
/// </summary>
/// <param name="cacheRoot">Where the imported model is cached (null: the user's cache).</param>
/// <param name="entities">How many world places (evenly spaced in the file).</param>
public sealed class SpaceProbeStep(string? cacheRoot = null, int entities = 3000) : IDemoStep
{
    /// <inheritdoc />
    public string Name => "space";

    /// <inheritdoc />
    public void Run(string folder, HtmlReport report, IProgressSink progress)
    {
        string store = Path.Combine(folder, "store");
        var extraction = SpaceExtraction.Run(new SpaceExtractionOptions("minilm", "world_place", "coords", store,
            MaxEntities: entities, CacheRoot: cacheRoot), progress);
        var results = SpaceProbe.Run(store, new SpaceProbeOptions(BootstrapResamples: 200), progress);
        results.WriteTo(folder);
        var best = results.Best;
        report.Heading("Space: where MiniLM puts world places")
              .Paragraph($"all-MiniLM-L6-v2 read at the last token of \"What are the lat/lon coordinates of <place>\" for {results.TrainRows + results.TestRows:N0} " +
                         $"world places (an evenly spaced subset of 39,585; extracted in {extraction.Seconds:F0} s, {extraction.RowsPerSecond:F0} places/s). " +
                         $"A ridge probe per layer predicts [longitude, latitude]; the best layer by training leave-one-out error is layer {best.Layer}: " +
                         $"test R² {best.RSquared.Format()}, Spearman {best.Spearman.Format()}, proximity error {best.ProximityError.Format()} " +
                         $"(shuffled-target control R² {best.ControlRSquared.ToString("F3", CultureInfo.InvariantCulture)}). " +
                         "A 22M-parameter uncased sentence encoder is far from Llama-2; see docs/spacetime-results.md for all datasets.");
        SpaceProbeReport.AddSection(report, results, folder, Path.GetDirectoryName(Path.GetFullPath(folder))!, "");
    }
}
