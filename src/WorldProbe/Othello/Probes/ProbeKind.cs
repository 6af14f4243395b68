namespace WorldProbe.Othello.Probes;

/// <summary>The probe's function class.</summary>
public enum ProbeKind
{
    /// <summary>One Linear(d_model, 64 x classes): multinomial logistic regression per square.</summary>
    Linear,
    /// <summary>Linear(d_model, 128), ReLU, Linear(128, 64 x classes), as Li et al.</summary>
    Mlp,
}

/// <summary>Names of <see cref="ProbeKind"/>.</summary>
public static class ProbeKinds
{
    /// <summary>Parses "linear" or "mlp"; an error names <paramref name="option"/>.</summary>
    public static ProbeKind Parse(string name, string option = "--probe") => name.Trim().ToLowerInvariant() switch
    {
        "linear" => ProbeKind.Linear,
        "mlp" => ProbeKind.Mlp,
        _ => throw new WorldProbeException($"{option} {name}: unknown probe kind; use linear or mlp."),
    };

    /// <summary>The CLI name.</summary>
    public static string Name(this ProbeKind kind) => kind == ProbeKind.Linear ? "linear" : "mlp";
}
