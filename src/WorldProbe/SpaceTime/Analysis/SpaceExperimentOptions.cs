using WorldProbe.Probing;

namespace WorldProbe.SpaceTime.Analysis;

/// <summary>Settings shared by the probing experiments (MLP vs linear, holdouts, PCA, controls).</summary>
public sealed record SpaceExperimentOptions
{
    /// <summary>Resamples of every 95% interval.</summary>
    public int BootstrapResamples { get; init; } = 1000;

    /// <summary>Seed of the bootstrap, the shuffle and the MLP.</summary>
    public long Seed { get; init; }

    /// <summary>The layer of single-layer experiments (holdouts, PCA, controls); null = the layer with the lowest training leave-one-out error.</summary>
    public int? Layer { get; init; }

    /// <summary>Layers of per-layer experiments (MLP vs linear); null = every stored layer.</summary>
    public IReadOnlyList<int>? Layers { get; init; }

    /// <summary>Block holdout: the metadata key of the blocks (e.g. "decade"); null = the dataset's own (<see cref="BlockHoldout.BlockKey"/>).</summary>
    public string? BlockKey { get; init; }

    /// <summary>Holdouts use only groups (blocks, entity types) with at least this many entities.</summary>
    public int MinGroupEntities { get; init; } = 50;

    /// <summary>Fit on an evenly spaced subset of at most this many training rows (both probes alike); null = all.</summary>
    public int? MaxTrainRows { get; init; }

    /// <summary>Numbers of principal components of the PCA experiment (capped at d_model; d_model itself is always added).</summary>
    public IReadOnlyList<int> Components { get; init; } = [1, 2, 5, 10, 20, 50, 100];

    /// <summary>Ridge settings (alpha grid...).</summary>
    public RidgeOptions Ridge { get; init; } = new();

    /// <summary>MLP settings (its seed is replaced by <see cref="Seed"/>).</summary>
    public MlpProbeOptions Mlp { get; init; } = new();

    /// <summary>The bootstrap settings.</summary>
    public Probing.Metrics.BootstrapOptions Bootstrap => new(BootstrapResamples, 0.95, Seed);
}
