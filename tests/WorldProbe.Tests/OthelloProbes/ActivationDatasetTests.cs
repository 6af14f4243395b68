using WorldProbe.Compute;
using WorldProbe.Othello;
using WorldProbe.Othello.Probes;
using WorldProbe.Othello.Training;
using WorldProbe.Transformers;
using static TorchSharp.torch;

namespace WorldProbe.Tests.OthelloProbes;

public class ActivationDatasetTests
{
    public ActivationDatasetTests() => TorchRuntime.Initialize();

    /// <summary>Uniform random game number <paramref name="length"/> of seed 5, cut after <paramref name="length"/> moves.</summary>
    static byte[] Game(int length)
    {
        var record = new byte[GameRecord.Length];
        int moves = SyntheticGameGenerator.PlayGame(5, length, record);
        return record[..Math.Min(moves, length)];
    }

    [Fact]
    public void RowsAreTheResidualStreamAndBoardOfEachRealPosition()
    {
        using var model = WorldProbe.Transformers.OthelloGpt.Create(new OthelloGptConfig(NLayers: 2, NHeads: 2, DModel: 16, DMlp: 32, Dropout: 0.5), seed: 2);
        var games = new List<byte[]> { Game(60), Game(17) };
        using var data = ActivationDataset.Extract(model, games, [0, 2]);
        int real0 = Math.Min(games[0].Length, MoveTokens.Context);
        Assert.Equal(real0 + 17, data.Rows);
        // Row real0 + 4 = game 1 after 5 moves: its residual stream at layer 2 and its board.
        using var expected = model.Forward(MoveTokens.Encode([games[1]])[.., ..MoveTokens.Context], stopAtLayer: 2)[0, 4];
        Assert.True(data.At(2)[real0 + 4].allclose(expected, 1e-5, 1e-6), "dropout must be off and the row must be that position");
        var state = GameState.Start;
        for (int t = 0; t < 5; t++) state.Play(games[1][t]);
        for (int s = 0; s < 64; s++)
        {
            byte expectedClass = (byte)(((state.Mine >> s) & 1) != 0 ? 1 : ((state.Theirs >> s) & 1) != 0 ? 2 : 0);
            Assert.Equal(expectedClass, data.Labels.Relative![(real0 + 4) * 64 + s]);
        }
        Assert.Equal(1, data.GameOf[real0 + 4]);
    }

    [Fact]
    public void SavedProbeLoadsBackWithTheSameOutputs()
    {
        using var probe = new BoardProbe(ProbeTarget.Legal, ProbeKind.Mlp, 3, 8, seed: 4);
        string basePath = Path.Combine(Path.GetTempPath(), $"probe-{Guid.NewGuid():N}");
        try
        {
            probe.Save(basePath);
            using var loaded = BoardProbe.Load(basePath);
            var x = randn(5, 8);
            Assert.Equal(ProbeTarget.Legal, loaded.Target);
            Assert.Equal(3, loaded.Layer);
            Assert.True(probe.forward(x).allclose(loaded.forward(x)));
        }
        finally
        {
            File.Delete(basePath + ".safetensors");
            File.Delete(basePath + ".json");
        }
    }
}
