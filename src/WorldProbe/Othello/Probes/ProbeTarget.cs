namespace WorldProbe.Othello.Probes;

/// <summary>What a board probe reads from the residual stream, per square.</summary>
public enum ProbeTarget
{
    /// <summary>0 empty, 1 black, 2 white.</summary>
    Absolute,
    /// <summary>0 empty, 1 mine, 2 theirs; "mine" = the player who makes the next move (see <see cref="BoardLabels.Relative"/>).</summary>
    Relative,
    /// <summary>1 where the last move flipped a disc (binary).</summary>
    Flipped,
    /// <summary>1 where the next player may play (binary).</summary>
    Legal,
}

/// <summary>Names, class counts and label arrays of <see cref="ProbeTarget"/>.</summary>
public static class ProbeTargets
{
    /// <summary>The names the CLI accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = ["absolute", "relative", "flipped", "legal"];

    /// <summary>Parses a target name; unknown names fail with the list.</summary>
    public static ProbeTarget Parse(string name) => name.ToLowerInvariant() switch
    {
        "absolute" => ProbeTarget.Absolute,
        "relative" => ProbeTarget.Relative,
        "flipped" => ProbeTarget.Flipped,
        "legal" => ProbeTarget.Legal,
        _ => throw new WorldProbeException($"--target {name}: unknown probe target; use one of {string.Join(", ", Names)}."),
    };

    /// <summary>The CLI name of a target.</summary>
    public static string Name(this ProbeTarget target) => Names[(int)target];

    /// <summary>Classes per square: 3 for board colours, 2 for the binary targets.</summary>
    public static int Classes(this ProbeTarget target) => target is ProbeTarget.Absolute or ProbeTarget.Relative ? 3 : 2;

    /// <summary>Class names, index = class.</summary>
    public static IReadOnlyList<string> ClassNames(this ProbeTarget target) => target switch
    {
        ProbeTarget.Absolute => ["empty", "black", "white"],
        ProbeTarget.Relative => ["empty", "mine", "theirs"],
        ProbeTarget.Flipped => ["not flipped", "flipped"],
        _ => ["not legal", "legal"],
    };

    /// <summary>The [positions, 64] label array of <paramref name="target"/> in <paramref name="labels"/>.</summary>
    public static byte[] Of(this ProbeTarget target, BoardLabels labels) => (target switch
    {
        ProbeTarget.Absolute => labels.Absolute,
        ProbeTarget.Relative => labels.Relative,
        ProbeTarget.Flipped => labels.Flipped,
        _ => labels.Legal,
    }) ?? throw new InvalidOperationException($"the labels were allocated without the {target.Name()} array");
}
