using System.Diagnostics;
using WorldProbe.Othello.Probes;
using WorldProbe.Reports;
using WorldProbe.Runs;

namespace WorldProbe.Othello.Interventions;

/// <summary>The whole Othello world-model study: probes, interventions, saliency boards.</summary>
/// <param name="Probes">The probe study.</param>
/// <param name="Interventions">The intervention study.</param>
/// <param name="SaliencyBoards">How many saliency boards to draw (first benchmark games, prefix 20).</param>
/// <param name="SaliencyStartLayer">Edits for saliency at layers Ls..n_layers.</param>
/// <param name="SaliencyAlpha">Probe-direction step for saliency.</param>
public sealed record WorldModelStudySettings(ProbeStudySettings Probes, InterventionSettings Interventions, int SaliencyBoards, int SaliencyStartLayer, double SaliencyAlpha);

/// <summary>Runs <see cref="ProbeStudy"/>, <see cref="InterventionStudy"/> and <see cref="LatentSaliency"/> and writes one HTML report.</summary>
public static class WorldModelStudy
{
    /// <summary>Runs everything into <paramref name="folder"/>, adds the sections to <paramref name="report"/>; returns wall seconds per part.</summary>
    public static Dictionary<string, double> Run(WorldModelStudySettings settings, string folder, HtmlReport report, IProgressSink progress, string? relativeTo = null)
    {
        relativeTo ??= folder;
        var seconds = new Dictionary<string, double>();
        var watch = Stopwatch.StartNew();
        var probes = ProbeStudy.Run(settings.Probes, folder, progress);
        seconds["probes"] = watch.Elapsed.TotalSeconds;
        ProbeStudy.Report(probes, folder, report, relativeTo);
        var intervention = settings.Interventions with { ProbeFolder = Path.Combine(folder, "probes") };
        bool allLayers = settings.Probes.Layers is null || settings.Probes.Layers.Count == 0;
        bool relativeLinear = settings.Probes.Targets.Contains(ProbeTarget.Relative) && settings.Probes.Kinds.Contains(ProbeKind.Linear);
        if (!allLayers || !relativeLinear) intervention = intervention with { ProbeFolder = null };
        watch.Restart();
        var interventions = InterventionStudy.Run(intervention, folder, progress);
        seconds["interventions"] = watch.Elapsed.TotalSeconds;
        InterventionStudy.Report(interventions, report);
        watch.Restart();
        using var model = InterventionStudy.LoadModel(settings.Probes.ModelFolder);
        var (games, _) = ProbeGames.Load(settings.Probes.ModelFolder, settings.Probes.CorpusPath, settings.Interventions.ProbeGames + settings.SaliencyBoards);
        var probeSet = InterventionStudy.RelativeProbes(model, games.Take(settings.Interventions.ProbeGames).ToList(), intervention.ProbeFolder, settings.Interventions.Seed, progress)
            .Where(p => p.Key >= settings.SaliencyStartLayer).ToDictionary(p => p.Key, p => p.Value);
        report.Heading("Latent saliency")
              .Paragraph($"Each occupied square flipped (mine <-> theirs) by the probe-direction edit (alpha {settings.SaliencyAlpha}) at layers " +
                         $"{settings.SaliencyStartLayer}..{model.Config.NLayers}; value = drop in the predicted move's probability (outlined). Empty squares grey.");
        foreach (var game in games.Skip(settings.Interventions.ProbeGames).Take(settings.SaliencyBoards).Select((g, i) => (g, i)))
        {
            var board = LatentSaliency.Compute(model, game.g[..Math.Min(20, game.g.Length - 1)], new ProbeDirectionEdit(settings.SaliencyAlpha), probeSet);
            string png = board.Save(Path.Combine(folder, $"saliency-{game.i}"));
            report.Image(Path.GetRelativePath(relativeTo, png), $"saliency board {game.i}: {string.Join(" ", board.Prefix.Select(m => Square.Name(m)))}");
        }
        seconds["saliency"] = watch.Elapsed.TotalSeconds;
        return seconds;
    }
}
