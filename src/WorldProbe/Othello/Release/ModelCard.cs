using System.Globalization;
using System.Text;
using WorldProbe.Othello.Evaluation;

namespace WorldProbe.Othello.Release;

/// <summary>The model card (README.md) of a released Othello-GPT, written from what <see cref="ModelRelease"/> measured.</summary>
public static class ModelCard
{
    /// <summary>The card as Markdown.</summary>
    public static string Markdown(ModelReleaseResult r)
    {
        var m = r.Model;
        var text = new StringBuilder();
        text.AppendLine($"# Othello-GPT `{r.Preset}`: a GPT trained only to predict legal Othello moves")
            .AppendLine()
            .AppendLine($"A minGPT-style decoder (Li et al. 2023) trained with WorldProbe's own `worldprobe othello train` on synthetic games " +
                        $"(every move uniformly random among the legal ones). {m.NLayers} layers, {m.NHeads} heads, d_model {m.DModel}, " +
                        $"d_mlp {m.DMlp}, learned positions, pre-LayerNorm, GELU, dropout {F(m.Dropout)} in training only; vocabulary {m.Vocab} " +
                        $"(0 = padding, 1..60 = the playable squares, no pass token), context {m.Context}. {ModelRelease.Count(r.Parameters)} parameters, " +
                        $"stored as float16 ({F(r.WeightBytes / 1e6)} MB); WorldProbe computes in float32.")
            .AppendLine()
            .AppendLine("## Training")
            .AppendLine()
            .AppendLine($"- Recipe: AdamW, peak learning rate 5e-4, betas (0.9, 0.95), weight decay 0.1 on weight matrices only, gradient clip 1.0, " +
                        $"warm-up then cosine to 0.1x over {ModelRelease.Count(r.TotalSteps)} steps; {r.BatchGames} games per step; {r.ComputeDType} compute.")
            .AppendLine($"- Seed {r.Seed} (initialisation, held-out split, data order, dropout).")
            .AppendLine($"- Steps trained: {ModelRelease.Count(r.Step)} of {ModelRelease.Count(r.TotalSteps)}; games seen: {ModelRelease.Count(r.GamesSeen)} " +
                        $"(each at most once); target tokens seen: {ModelRelease.Count(r.Tokens)}.")
            .AppendLine($"- Wall time: {F(r.WallHours)} hours on one libtorch thread of a 2-core Debian 12 VM (Intel Xeon, AVX-512), " +
                        "spread over several sessions through `--resume` (the checkpoint resumes exactly: data order, optimizer state, RNG).")
            .AppendLine()
            .AppendLine("Data and command (from the repository root):")
            .AppendLine()
            .AppendLine("```");
        foreach (var corpus in r.Corpora)
            text.AppendLine(corpus.Settings.TryGetValue("seed", out var seed) && corpus.Settings.ContainsKey("policy")
                ? $"worldprobe othello generate --games {corpus.Games} --seed {seed}{GenerateFlags(corpus.Settings)} --out runs/corpora/{corpus.File}"
                : $"# {corpus.File}: {corpus.Games} games ({string.Join(", ", corpus.Settings.Select(s => $"{s.Key} {s.Value}"))})");
        text.AppendLine(r.TrainCommand)
            .AppendLine("```")
            .AppendLine()
            .AppendLine("## Legal-move error")
            .AppendLine()
            .AppendLine("Top-1 prediction over every prefix of each game (given moves 1..t, predict move t+1). Strict: legal for the side that " +
                        "actually moves next (after any forced pass). Lenient (the original's rule): legal for either side. Top-N set match: the " +
                        "N highest logits are exactly the N legal moves. Measured on the released float16 weights by `worldprobe othello eval`; " +
                        "the untrained model of the same shape (seed 0) is the floor.")
            .AppendLine()
            .AppendLine("| games | model | predictions | strict error | lenient error | top-N set match |")
            .AppendLine("|---|---|---|---|---|---|");
        Rows(text, r.HeldOut);
        if (r.Championship is { } championship) Rows(text, championship);
        text.AppendLine()
            .AppendLine("Targets (issue 5): strict error at most 5% on held-out synthetic games (stretch 2%). Li et al.'s synthetic model " +
                        "(8 x 512, about 20M games) reached 0.01% error by the lenient rule, their championship model 5.17%; this one saw far fewer " +
                        "games, on a 2-core CPU.")
            .AppendLine();
        if (r.Curve.Count > 0)
        {
            text.AppendLine("## Learning curve")
                .AppendLine()
                .AppendLine("Strict and lenient top-1 error on the first 1,000 held-out games, measured during training (dropout off).")
                .AppendLine()
                .AppendLine("![learning curve](learning-curve.png)")
                .AppendLine()
                .AppendLine("| step | target tokens | strict error | lenient error |")
                .AppendLine("|---|---|---|---|");
            foreach (var p in r.Curve)
                text.AppendLine($"| {ModelRelease.Count(p.Step)} | {ModelRelease.Count(p.Tokens)} | {Percent(p.StrictError)} | {Percent(p.LenientError)} |");
            text.AppendLine();
        }
        text.AppendLine("## Files and use")
            .AppendLine()
            .AppendLine("- `config.json`, `model.safetensors`: the model (`TransformerLoader.Load(folder)` in C#).")
            .AppendLine($"- `{Training.HeldOutGames.ReleasedFile}`: the run's held-out games, which it never trained on; " +
                        "`othello eval`, `othello probe`, `othello intervene` and `othello world-model` use them by default.")
            .AppendLine("- `card.json`: these numbers, machine-readable. `learning-curve.png/.svg`: the chart above.")
            .AppendLine()
            .AppendLine("```")
            .AppendLine($"worldprobe othello eval --model models/{ReleasedName(r)}")
            .AppendLine($"worldprobe othello world-model --model models/{ReleasedName(r)}")
            .AppendLine("```");
        return text.ToString();
    }

    static void Rows(StringBuilder text, ModelLegalityReport report)
    {
        foreach (var (name, score) in new[] { ("trained", report.Trained), ("untrained", report.Untrained) })
            text.AppendLine($"| {report.Games} | {name} | {ModelRelease.Count(score.Predictions)} | {Percent(score.StrictError)} | " +
                            $"{Percent(score.LenientError)} | {Percent(score.SetMatch)} |");
    }

    static string Percent(double rate) => (100 * rate).ToString("0.000", CultureInfo.InvariantCulture) + "%";

    static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>The released folder's name (the card is written into it).</summary>
    static string ReleasedName(ModelReleaseResult r) => Path.GetFileName(Path.TrimEndingDirectorySeparator(r.HeldOut.Model));

    /// <summary>The generate options a corpus's recorded settings imply beyond --games and --seed.</summary>
    static string GenerateFlags(IReadOnlyDictionary<string, string> settings) =>
        (settings.TryGetValue("excludedOpening", out var opening) && opening != "none" ? $" --exclude-opening {opening}" : "") +
        (settings.TryGetValue("deduplicated", out var dedup) && dedup != "no" ? " --dedup" : "");
}
