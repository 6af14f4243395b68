using BenchmarkDotNet.Attributes;
using WorldProbe.Othello;

namespace WorldProbe.Bench;

/// <summary>
/// The Othello engine's speed: perft(11) on one core (212,258,800 leaves; target under 5 s) and synthetic games per
/// second on one core and on all cores (target: 20 million games in at most 3 minutes on 2 cores, 110k games/s).
/// dotnet run -c Release --project bench/WorldProbe.Bench -- --filter '*Othello*' --job short
/// </summary>
[MemoryDiagnoser(false)]
public class OthelloBenchmarks
{
    const int Games = 100_000;
    byte[] buffer = null!;

    [GlobalSetup]
    public void Setup() => buffer = new byte[Games * GameRecord.Length];

    [Benchmark(Description = "perft(11), one core")]
    public long Perft11SingleThread() => Perft.Count(11);

    [Benchmark(Description = "100k synthetic games, one core", OperationsPerInvoke = Games)]
    public void SyntheticGamesOneCore()
    {
        for (int i = 0; i < Games; i++) SyntheticGameGenerator.PlayGame(1, i, buffer.AsSpan(i * GameRecord.Length, GameRecord.Length));
    }

    [Benchmark(Description = "100k synthetic games, all cores", OperationsPerInvoke = Games)]
    public void SyntheticGamesAllCores() =>
        Parallel.For(0, Environment.ProcessorCount, worker =>
        {
            for (int i = worker; i < Games; i += Environment.ProcessorCount)
                SyntheticGameGenerator.PlayGame(1, i, buffer.AsSpan(i * GameRecord.Length, GameRecord.Length));
        });
}
