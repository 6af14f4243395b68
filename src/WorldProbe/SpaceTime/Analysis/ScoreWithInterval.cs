namespace WorldProbe.SpaceTime.Analysis;

/// <summary>A test score and its percentile-bootstrap interval over test rows.</summary>
/// <param name="Value">The score on all test rows.</param>
/// <param name="Low">Lower end of the interval.</param>
/// <param name="High">Upper end of the interval.</param>
public sealed record ScoreWithInterval(double Value, double Low, double High)
{
    /// <summary>"0.812 [0.801, 0.823]".</summary>
    public string Format(string format = "F3") => $"{Value.ToString(format)} [{Low.ToString(format)}, {High.ToString(format)}]";
}
