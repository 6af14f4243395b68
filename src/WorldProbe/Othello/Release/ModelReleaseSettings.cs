namespace WorldProbe.Othello.Release;

/// <summary>What <see cref="ModelRelease.Create"/> packs and measures.</summary>
/// <param name="RunFolder">A training folder of worldprobe othello train (its newest checkpoint is released).</param>
/// <param name="OutFolder">The released model's folder (replaced whole).</param>
/// <param name="EvalGames">Held-out synthetic games scored for the card (all of them when larger).</param>
/// <param name="ChampionshipCorpus">A championship corpus (worldprobe othello import) scored in full; null: none.</param>
public sealed record ModelReleaseSettings(string RunFolder, string OutFolder, long EvalGames = 10_000, string? ChampionshipCorpus = null);
