namespace WorldProbe.Othello.Training;

/// <summary>
/// minGPT's schedule: linear warm-up to the peak rate, then cosine decay to a floor (0.1 x peak) at the
/// last step.
/// </summary>
/// <param name="Peak">Learning rate after warm-up.</param>
/// <param name="WarmupSteps">Steps of linear warm-up.</param>
/// <param name="TotalSteps">Steps of the whole run.</param>
/// <param name="FloorFraction">The final rate as a fraction of the peak.</param>
public sealed record LearningRateSchedule(double Peak, long WarmupSteps, long TotalSteps, double FloorFraction = 0.1)
{
    /// <summary>The rate for step <paramref name="step"/> (0-based).</summary>
    public double At(long step)
    {
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        double progress = Math.Clamp((double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps), 0, 1);
        double cosine = 0.5 * (1 + Math.Cos(Math.PI * progress));
        return Peak * (FloorFraction + (1 - FloorFraction) * cosine);
    }
}
