using WorldProbe.Othello.Training;
using WorldProbe.Runs;
using static TorchSharp.torch;

namespace WorldProbe.Othello.Evaluation;

/// <summary>
/// Scores next-move predictions against the engine. The model is any function from token ids
/// <c>// [batch, 59]</c> to logits <c>// [batch, 59, 61]</c>, so that a trained Othello-GPT, an
/// untrained one or a hand-made predictor are measured by the same code. The padding token (0) is
/// never a prediction: its logit is ignored.
/// </summary>
public static class LegalMoveEvaluator
{
    /// <summary>Scores <paramref name="games"/> (each a game's moves, as squares) in batches of <paramref name="batchGames"/>.</summary>
    public static LegalMoveScore Evaluate(Func<Tensor, Tensor> logitsOf, IReadOnlyList<byte[]> games,
                                          int batchGames = 256, IProgressSink? progress = null)
    {
        using var task = (progress ?? IProgressSink.Silent).Start("legal-move evaluation", games.Count, "games");
        var total = LegalMoveScore.Zero;
        for (int first = 0; first < games.Count; first += batchGames)
        {
            using var scope = NewDisposeScope();
            byte[][] batch = games.Skip(first).Take(batchGames).ToArray();
            var tokens = MoveTokens.Encode(batch);                                          // [batch, 60]
            Tensor logits;
            using (no_grad())
                logits = logitsOf(tokens[.., ..MoveTokens.Context]).to(ScalarType.Float32).cpu(); // [batch, 59, 61]
            logits[.., .., MoveTokens.Padding] = float.NegativeInfinity;
            long[] ranking = logits.argsort(dim: -1, descending: true).data<long>().ToArray(); // [batch, 59, 61]
            for (int g = 0; g < batch.Length; g++)
                total += ScoreGame(batch[g], ranking.AsSpan(g * MoveTokens.Context * MoveTokens.Vocabulary));
            task.Advance(batch.Length);
        }
        return total;
    }

    /// <summary>Scores one game given, for each of its 59 input positions, the 61 tokens ranked by logit.</summary>
    static LegalMoveScore ScoreGame(ReadOnlySpan<byte> moves, ReadOnlySpan<long> ranking)
    {
        long predictions = 0, strict = 0, lenient = 0, setMatches = 0;
        var state = GameState.Start;
        for (int t = 0; t < moves.Length - 1; t++)
        {
            state.Play(moves[t]);
            // Position t has seen moves 1..t+1 and predicts move t+2.
            var ranked = ranking.Slice(t * MoveTokens.Vocabulary, MoveTokens.Vocabulary);
            ulong legal = state.LegalMoves;
            ulong opponentLegal = Bitboards.LegalMoves(state.Theirs, state.Mine);
            int top = Square.FromOriginalToken((int)ranked[0]);
            ulong topBit = 1UL << top;
            predictions++;
            if ((legal & topBit) == 0) strict++;
            if (((legal | opponentLegal) & topBit) == 0) lenient++;
            int n = Bitboards.Count(legal);
            ulong predictedSet = 0;
            for (int k = 0; k < n; k++) predictedSet |= 1UL << Square.FromOriginalToken((int)ranked[k]);
            if (predictedSet == legal) setMatches++;
        }
        return new LegalMoveScore(1, predictions, strict, lenient, setMatches);
    }
}
