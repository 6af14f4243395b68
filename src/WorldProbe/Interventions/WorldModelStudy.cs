using System.Diagnostics;
using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Interventions;

/// <summary>The whole Othello world-model study: probes, interventions, saliency boards.</summary>
/// <param name="Probes">The probe study.</param>
/// <param name="Interventions">The intervention study (its probes: the probe study's relative probes of each kind it needs when that study trained them on every needed layer, otherwise trained on its own probe games).</param>
/// <param name="SaliencyBoards">How many saliency boards to draw (benchmark games after the probe games, position after 20 moves).</param>
/// <param name="SaliencyStartLayer">Edits for saliency at layers Ls..n_layers.</param>
/// <param name="SaliencyAlpha">Probe-direction step for saliency.</param>
public sealed record WorldModelStudySettings(ProbeStudySettings Probes, InterventionSettings Interventions, int SaliencyBoards, int SaliencyStartLayer, double SaliencyAlpha);

/// <summary>Runs <see cref="ProbeStudy"/>, <see cref="InterventionStudy"/> and <see cref="LatentSaliency"/> and adds them to one HTML report.</summary>
public static class WorldModelStudy
{
    /// <summary>Runs everything into <paramref name="folder"/>, adds the sections to <paramref name="report"/>; returns wall seconds per part.</summary>
    public static Dictionary<string, double> Run(WorldModelStudySettings settings, string folder, HtmlReport report, IProgressSink progress, string? relativeTo = null)
    {
        relativeTo ??= folder;
        var seconds = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var probeResult = ProbeStudy.Run(settings.Probes, folder, progress);
        seconds["probes"] = watch.Elapsed.TotalSeconds;
        ProbeStudy.Report(probeResult, folder, report, relativeTo);

        watch.Restart();
        using var model = InterventionStudy.LoadModel(settings.Probes.ModelFolder);
        int firstLayer = Math.Min(settings.Interventions.StartLayers.Min(), settings.SaliencyStartLayer);
        string probeFolder = Path.Combine(folder, "probes");
        var (games, _) = ProbeGames.Load(settings.Probes.ModelFolder, settings.Probes.CorpusPath, settings.Interventions.ProbeGames + 2 * settings.Interventions.Cases);
        var probes = new Dictionary<ProbeKind, Dictionary<int, BoardProbe>>();
        foreach (var kind in settings.Interventions.RelativeProbeKinds)
        {
            bool saved = Enumerable.Range(firstLayer, model.Config.NLayers + 1 - firstLayer).All(l =>
                File.Exists(Path.Combine(probeFolder, ProbeStudy.ProbeFileName("trained", ProbeTarget.Relative, kind, l) + ".json")));
            probes[kind] = InterventionStudy.RelativeProbes(model, games.Take(settings.Interventions.ProbeGames).ToList(), saved ? probeFolder : null,
                                                            firstLayer, settings.Interventions.Seed, progress, kind);
        }
        var interventions = InterventionStudy.Run(settings.Interventions, folder, progress, probes);
        seconds["interventions"] = watch.Elapsed.TotalSeconds;
        InterventionStudy.Report(interventions, report);

        watch.Restart();
        var saliencyProbes = probes[ProbeKind.Linear].Where(p => p.Key >= settings.SaliencyStartLayer).ToDictionary(p => p.Key, p => p.Value);
        report.Heading("Latent saliency")
              .Paragraph($"Each occupied square flipped (mine <-> theirs) by the probe-direction edit (alpha {settings.SaliencyAlpha}) at layers " +
                         $"{settings.SaliencyStartLayer}..{model.Config.NLayers}; value = drop in the predicted move's probability (outlined square). Empty squares grey.");
        var boards = games.Skip(settings.Interventions.ProbeGames).Where(g => g.Length > 21).Take(settings.SaliencyBoards).ToList();
        for (int i = 0; i < boards.Count; i++)
        {
            var board = LatentSaliency.Compute(model, boards[i][..20], new ProbeDirectionEdit(settings.SaliencyAlpha), saliencyProbes);
            string png = board.Save(Path.Combine(folder, $"saliency-{i}"));
            report.Image(Path.GetRelativePath(relativeTo, png), $"saliency board {i}: after {string.Join(" ", board.Prefix.Select(m => Square.Name(m)))}");
        }
        seconds["saliency"] = watch.Elapsed.TotalSeconds;
        foreach (var probe in probes.Values.SelectMany(p => p.Values)) probe.Dispose();
        return seconds;
    }
}
