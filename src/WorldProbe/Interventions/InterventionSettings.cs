using WorldProbe.Othello.Probes;

namespace WorldProbe.Interventions;

/// <summary>What an intervention study runs.</summary>
/// <param name="ModelFolder">The Othello-GPT folder.</param>
/// <param name="CorpusPath">Corpus (null: the model's held-out games).</param>
/// <param name="ProbeGames">Games the relative probes are trained on (ignored with <paramref name="ProbeFolder"/>).</param>
/// <param name="Cases">Benchmark cases (drawn from games after the probe games).</param>
/// <param name="StartLayers">Ls values: edits at layers Ls..n_layers.</param>
/// <param name="Betas">Li et al.'s weights on keeping the other squares.</param>
/// <param name="Alphas">Nanda et al.'s step lengths.</param>
/// <param name="Steps">Most gradient steps per edit.</param>
/// <param name="ProbeFolder">Probes saved by worldprobe othello probe --target relative (null: train them here).</param>
/// <param name="Seed">Benchmark draws and probe training.</param>
/// <param name="TileEdits">Which tile edits to benchmark (null: flip only).</param>
/// <param name="GradientProbes">
/// Which relative probes the gradient edit descends on (null: linear only). Li et al. used a nonlinear probe; the
/// probe-direction edit always uses the linear one (an MLP probe has no direction).
/// </param>
public sealed record InterventionSettings(
    string ModelFolder,
    string? CorpusPath,
    int ProbeGames,
    int Cases,
    IReadOnlyList<int> StartLayers,
    IReadOnlyList<double> Betas,
    IReadOnlyList<double> Alphas,
    int Steps = 1000,
    string? ProbeFolder = null,
    long Seed = 0,
    IReadOnlyList<TileEdit>? TileEdits = null,
    IReadOnlyList<ProbeKind>? GradientProbes = null)
{
    /// <summary>The probe kinds the gradient edit runs on (<see cref="GradientProbes"/>, or linear).</summary>
    public IReadOnlyList<ProbeKind> GradientProbeKinds => GradientProbes ?? [ProbeKind.Linear];

    /// <summary>Every relative probe kind the sweep needs: the gradient edit's, and linear for the probe-direction edit.</summary>
    public IReadOnlyList<ProbeKind> RelativeProbeKinds => GradientProbeKinds.Append(ProbeKind.Linear).Distinct().ToArray();
}
