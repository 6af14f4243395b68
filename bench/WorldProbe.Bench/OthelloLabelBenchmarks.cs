using BenchmarkDotNet.Attributes;
using WorldProbe.Othello;

namespace WorldProbe.Bench;

/// <summary>Board labels for probes: positions labelled per second (absolute, relative, flipped, legal).</summary>
[MemoryDiagnoser(false)]
public class OthelloLabelBenchmarks
{
    const int Games = 10_000;
    byte[] records = null!;
    BoardLabels labels = null!;

    [GlobalSetup]
    public void Setup()
    {
        records = new byte[Games * GameRecord.Length];
        for (int i = 0; i < Games; i++) SyntheticGameGenerator.PlayGame(2, i, records.AsSpan(i * GameRecord.Length, GameRecord.Length));
        labels = new BoardLabels(Games);
    }

    [Benchmark(Description = "label 600k positions, all cores", OperationsPerInvoke = Games * 60)]
    public void LabelGames() => BoardLabeler.LabelGames(records, labels);
}
