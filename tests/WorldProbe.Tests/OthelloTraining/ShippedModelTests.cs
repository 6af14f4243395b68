using System.Text.Json;
using WorldProbe.Compute;
using WorldProbe.Othello.Evaluation;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Tests.OthelloTraining;

/// <summary>
/// The committed models against their own records: scored now on the released float16 weights, the first 1,000 held-out
/// games must give the strict error the training run measured on the same games at its last step (float32 weights,
/// during training, through the trainer's own evaluation). A corrupted or swapped model file, or a change in how games
/// are tokenised or scored, moves it far outside the tolerance; float16 rounding changes a few dozen of ~59,000 top-1 choices.
/// </summary>
public class ShippedModelTests
{
    public ShippedModelTests() => TorchRuntime.Initialize();

    [Theory]
    [InlineData("models/othello-gpt-small", 0.05)]
    [InlineData("models/othello-holdout-c4", 0.08)]
    public void ShippedModelScoresWhatItsTrainingRunRecorded(string relativeFolder, double issueTarget)
    {
        string folder = RepositoryRoot.Resolve(relativeFolder);
        using var card = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "card.json")));
        var last = card.RootElement.GetProperty("curve").EnumerateArray().Last();
        double recorded = last.GetProperty("strictError").GetDouble();
        var report = ModelLegalityReport.Measure(folder, null, 1000, CPU, IProgressSink.Silent);
        Assert.Equal(1000, report.Trained.Games);
        Assert.InRange(report.Trained.StrictError, recorded - 0.001, recorded + 0.001);
        Assert.True(report.Trained.StrictError < issueTarget, $"{relativeFolder}: strict error {report.Trained.StrictError:P2}");
        Assert.True(report.Untrained.StrictError > 0.5, "the untrained model of the same shape must be far worse");
    }
}
