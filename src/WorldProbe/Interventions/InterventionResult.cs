namespace WorldProbe.Interventions;

/// <summary>One row of the intervention table.</summary>
/// <param name="TileEdit">"flip" (mine &lt;-&gt; theirs) or "erase" (to empty).</param>
/// <param name="Method">"none (null baseline)", "gradient (Li et al.)" or "probe direction (Nanda et al.)".</param>
/// <param name="Probe">The relative probe the edit reads: "linear" or "mlp" ("-" for the baseline).</param>
/// <param name="StartLayer">Ls: edits at layers Ls..n_layers (null for the baseline).</param>
/// <param name="Parameter">beta or alpha (null for the baseline).</param>
/// <param name="All">Errors over every benchmark case (the published metric).</param>
/// <param name="Competent">
/// Errors over the cases whose unedited position the unedited model gets exactly right (its top-N = the N legal moves).
/// On the others even a perfect edit is scored against the model's own mistakes, so a model short of the papers'
/// near-perfect legality has an error floor there that no intervention can remove.
/// </param>
/// <param name="FlipRate">Share of cases whose edited square the last edited layer's probe reads as the target class (null for the baseline).</param>
/// <param name="Seconds">Wall time.</param>
public sealed record InterventionResult(string TileEdit, string Method, string Probe, int? StartLayer, double? Parameter,
    InterventionErrors All, InterventionErrors Competent, double? FlipRate, double Seconds);
