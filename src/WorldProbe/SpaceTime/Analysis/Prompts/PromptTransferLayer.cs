namespace WorldProbe.SpaceTime.Analysis;

/// <summary>
/// One layer of <see cref="PromptTransfer"/>: a ridge probe fitted on each prompt's training rows,
/// scored on the test rows of its own prompt and of the other, raw and mean-centred.
/// </summary>
/// <param name="Layer">Layer j = the residual stream after j blocks.</param>
/// <param name="AlphaA">Alpha leave-one-out chose for prompt A's probe.</param>
/// <param name="AlphaB">Alpha leave-one-out chose for prompt B's probe.</param>
/// <param name="TrainLeaveOneOutErrorA">Prompt A's training leave-one-out error (standardized targets): how the best layer is chosen.</param>
/// <param name="TrainLeaveOneOutErrorB">The same for prompt B.</param>
/// <param name="OffsetAlongProbeA">Prompt A's probe applied to the difference of the two prompts' training means (B − A), per output in target units: how far raw transfer A→B shifts every prediction.</param>
/// <param name="AToA">A's probe on A's test rows (the within-prompt baseline).</param>
/// <param name="BToB">B's probe on B's test rows.</param>
/// <param name="AToBRaw">A's probe on B's test rows as they are.</param>
/// <param name="AToBCentred">A's probe on B's test rows, each prompt's activations centred on its own training mean.</param>
/// <param name="BToARaw">B's probe on A's test rows as they are.</param>
/// <param name="BToACentred">B's probe on A's test rows, both centred.</param>
public sealed record PromptTransferLayer(
    int Layer,
    double AlphaA,
    double AlphaB,
    double TrainLeaveOneOutErrorA,
    double TrainLeaveOneOutErrorB,
    double[] OffsetAlongProbeA,
    TransferScores AToA,
    TransferScores BToB,
    TransferScores AToBRaw,
    TransferScores AToBCentred,
    TransferScores BToARaw,
    TransferScores BToACentred);
