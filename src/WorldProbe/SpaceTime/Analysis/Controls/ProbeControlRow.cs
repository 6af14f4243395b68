namespace WorldProbe.SpaceTime.Analysis;

/// <summary>One control of <see cref="ProbeControls"/>.</summary>
/// <param name="Control">What was probed.</param>
/// <param name="Model">The model name recorded in the store.</param>
/// <param name="Layer">Layer j = after j blocks.</param>
/// <param name="Alpha">The ridge alpha.</param>
/// <param name="Scores">Test scores.</param>
public sealed record ProbeControlRow(string Control, string Model, int Layer, double Alpha, HeldOutScores Scores);
