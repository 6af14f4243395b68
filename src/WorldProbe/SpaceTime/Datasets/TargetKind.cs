namespace WorldProbe.SpaceTime.Datasets;

/// <summary>What a dataset's probe predicts.</summary>
public enum TargetKind
{
    /// <summary>A position: the target vector is [longitude, latitude] in degrees.</summary>
    Place,
    /// <summary>A time: the target vector is [year] as a fractional year.</summary>
    Time,
}
