using WorldProbe.Othello;
using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using WorldProbe.Tests.Othello;
using WorldProbe.Transformers;

namespace WorldProbe.Tests.OthelloProbes;

/// <summary>
/// A temporary folder with an untrained tiny Othello-GPT (model/, seed 4) and a synthetic corpus (games.wpg), the inputs
/// of the probe and intervention studies' tests; deleted on dispose.
/// </summary>
public sealed class TinyOthelloFolder : IDisposable
{
    readonly TempFolder temp = new();

    public TinyOthelloFolder(int games, long corpusSeed)
    {
        using (var network = OthelloGpt.Create(OthelloTrainingPreset.Tiny.Model, 4))
            OthelloGpt.Save(network, Model);
        SyntheticGameGenerator.Generate(new SyntheticGameSettings { Games = games, Seed = corpusSeed, Threads = 1 }, Corpus, IProgressSink.Silent);
    }

    public string Model => temp.File("model");

    public string Corpus => temp.File("games.wpg");

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => temp.File(name);

    public void Dispose() => temp.Dispose();
}
