namespace WorldProbe.SpaceTime.Analysis;

/// <summary>What <c>space probe --experiment prompt-transfer</c> writes as prompt-transfer.json.</summary>
/// <param name="Model">Model name.</param>
/// <param name="Dataset">Dataset name.</param>
/// <param name="PromptA">Prompt of the first store (<c>--store</c>).</param>
/// <param name="PromptB">Prompt of the second store (<c>--test-store</c>).</param>
/// <param name="StoreA">Folder of the first store (empty when run on data in memory).</param>
/// <param name="StoreB">Folder of the second store (empty when run on data in memory).</param>
/// <param name="Kind">"place" or "time".</param>
/// <param name="TargetNames">Names of the target's components.</param>
/// <param name="TrainRows">Training rows (the same entities under both prompts).</param>
/// <param name="TestRows">Test rows.</param>
/// <param name="BootstrapResamples">Resamples of every interval.</param>
/// <param name="BestLayer">The layer with the lowest training leave-one-out error of prompt A's probe (chosen without test rows).</param>
/// <param name="Layers">Per-layer results.</param>
public sealed record PromptTransferResults(string Model, string Dataset, string PromptA, string PromptB, string StoreA, string StoreB, string Kind,
    IReadOnlyList<string> TargetNames, int TrainRows, int TestRows, int BootstrapResamples, int BestLayer, IReadOnlyList<PromptTransferLayer> Layers)
{
    /// <summary>The file name inside the output folder.</summary>
    public const string FileName = "prompt-transfer.json";

    /// <summary>The best layer's result.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public PromptTransferLayer Best => Layers.First(l => l.Layer == BestLayer);
}
