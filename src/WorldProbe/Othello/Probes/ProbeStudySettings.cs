namespace WorldProbe.Othello.Probes;

/// <summary>What a probe study trains.</summary>
/// <param name="ModelFolder">The Othello-GPT folder.</param>
/// <param name="CorpusPath">Corpus (null: the model's held-out games).</param>
/// <param name="Games">Games to extract (split by game into training, validation and test).</param>
/// <param name="Layers">Layers (null: all, 0..n_layers).</param>
/// <param name="Targets">Targets to probe.</param>
/// <param name="Kinds">Probe kinds.</param>
/// <param name="RandomBaseline">Also probe a randomly initialised model of the same shape.</param>
/// <param name="Training">Probe training options.</param>
/// <param name="Workers">
/// Probes trained at once, each on one libtorch thread (intra-op threads are set to 1 while they train). A probe's
/// matrices are too small for two threads to share one well; two probes side by side use two cores fully. Results do not
/// depend on it: every probe has its own seed-fixed initialisation and batch order.
/// </param>
public sealed record ProbeStudySettings(
    string ModelFolder,
    string? CorpusPath,
    int Games,
    IReadOnlyList<int>? Layers,
    IReadOnlyList<ProbeTarget> Targets,
    IReadOnlyList<ProbeKind> Kinds,
    bool RandomBaseline,
    ProbeTrainingOptions Training,
    int Workers = 1);
