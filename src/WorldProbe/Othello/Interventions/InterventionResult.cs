namespace WorldProbe.Othello.Interventions;

/// <summary>One row of the intervention table.</summary>
/// <param name="TileEdit">"flip" (mine &lt;-&gt; theirs) or "erase" (to empty).</param>
/// <param name="Method">"none (null baseline)", "gradient (Li et al.)" or "probe direction (Nanda et al.)".</param>
/// <param name="StartLayer">Ls: edits at layers Ls..n_layers (null for the baseline).</param>
/// <param name="Parameter">beta or alpha (null for the baseline).</param>
/// <param name="MeanError">Mean symmetric difference against the edited board's legal moves.</param>
/// <param name="Low">Lower end of its 95% interval (bootstrap over cases).</param>
/// <param name="High">Upper end.</param>
/// <param name="FlipRate">Share of cases whose edited square the last edited layer's probe reads as the target class (null for the baseline).</param>
/// <param name="Seconds">Wall time.</param>
public sealed record InterventionResult(string TileEdit, string Method, int? StartLayer, double? Parameter, double MeanError, double Low, double High, double? FlipRate, double Seconds);
