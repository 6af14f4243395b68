using WorldProbe.Compute;
using WorldProbe.Othello;
using WorldProbe.Othello.Evaluation;
using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Tests.OthelloTraining;

public class LegalMoveEvaluatorTests
{
    public LegalMoveEvaluatorTests() => TorchRuntime.Initialize();

    static List<byte[]> HumanGames(int count)
    {
        string csv = RepositoryRoot.Resolve("data/othello/eothello_games.csv");
        var games = new List<byte[]>();
        foreach (string line in File.ReadLines(csv).Skip(1).Take(count))
        {
            string moves = line.Split(',')[2];
            games.Add(Enumerable.Range(0, moves.Length / 2).Select(i => (byte)Square.Parse(moves.Substring(2 * i, 2))).ToArray());
        }
        return games;
    }

    /// <summary>Logits that always rank one square first, then the rest by token id.</summary>
    static Func<Tensor, Tensor> Always(int square) => tokens =>
    {
        var logits = -arange(MoveTokens.Vocabulary, dtype: ScalarType.Float32).expand(tokens.shape[0], tokens.shape[1], MoveTokens.Vocabulary).clone();
        logits[.., .., Square.ToOriginalToken(square)] = 100f;
        return logits;
    };

    [Fact]
    public void FixedSquarePredictorErrsExactlyWhereTheEngineSaysItIsIllegal()
    {
        var games = HumanGames(300);
        int c4 = Square.Parse("c4");
        var score = LegalMoveEvaluator.Evaluate(Always(c4), games, batchGames: 64);

        // Independent count: try the move on a copy of the position, for the side to move and for the other side.
        long predictions = 0, strict = 0, lenient = 0;
        foreach (byte[] game in games)
        {
            var state = GameState.Start;
            for (int t = 0; t < game.Length - 1; t++)
            {
                state.Play(game[t]);
                predictions++;
                var forMover = state;
                bool legal = forMover.TryPlay(c4) != 0;
                var forOther = state with { ToMove = state.ToMove.Opponent() };
                bool legalForOther = forOther.TryPlay(c4) != 0;
                if (!legal) strict++;
                if (!legal && !legalForOther) lenient++;
            }
        }
        Assert.Equal(predictions, score.Predictions);
        Assert.Equal(strict, score.StrictErrors);
        Assert.Equal(lenient, score.LenientErrors);
        Assert.True(score.StrictErrors > score.LenientErrors);
    }

    [Fact]
    public void OracleThatRanksTheLegalMovesFirstIsPerfect()
    {
        var games = HumanGames(200);
        var score = LegalMoveEvaluator.Evaluate(tokens =>
        {
            var logits = zeros(tokens.shape[0], tokens.shape[1], MoveTokens.Vocabulary);
            long[] ids = tokens.data<long>().ToArray();
            for (int g = 0; g < tokens.shape[0]; g++)
            {
                var state = GameState.Start;
                for (int t = 0; t < tokens.shape[1] && ids[g * tokens.shape[1] + t] != 0; t++)
                {
                    state.Play(Square.FromOriginalToken((int)ids[g * tokens.shape[1] + t]));
                    for (ulong legal = state.LegalMoves; legal != 0; legal &= legal - 1)
                        logits[g, t, Square.ToOriginalToken(System.Numerics.BitOperations.TrailingZeroCount(legal))] = 1f;
                }
            }
            return logits;
        }, games);
        Assert.Equal(0, score.StrictErrors);
        Assert.Equal(score.Predictions, score.SetMatches);
        Assert.Equal(games.Sum(g => g.Length - 1), score.Predictions);
    }
}
