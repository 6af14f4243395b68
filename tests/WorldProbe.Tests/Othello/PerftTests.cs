using WorldProbe.Othello;

namespace WorldProbe.Tests.Othello;

/// <summary>Leaf counts against the published perft numbers (a pass is a ply; a finished game is one leaf deeper down).</summary>
public class PerftTests
{
    [Fact]
    public void SingleThreadedCountsMatchThePublishedNumbersToDepth9()
    {
        long[] published = [4, 12, 56, 244, 1396, 8200, 55092, 390216, 3005288];
        for (int depth = 1; depth <= published.Length; depth++)
            Assert.Equal(published[depth - 1], Perft.Count(depth));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ParallelCountAtDepth10MatchesThePublishedNumberForAnyThreadCount(int threads) =>
        Assert.Equal(24571284, Perft.CountParallel(10, threads));

    [Fact]
    public void ParallelCountsMatchAtShallowDepthsToo()
    {
        for (int depth = 0; depth <= 8; depth++)
            Assert.Equal(depth == 0 ? 1 : Perft.Published[depth - 1], Perft.CountParallel(depth, 2));
    }
}
