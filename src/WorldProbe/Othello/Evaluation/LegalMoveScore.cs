namespace WorldProbe.Othello.Evaluation;

/// <summary>
/// How legal a model's next-move predictions are, over every prefix of a set of games.
/// Strict: the top-1 move is legal for the side that actually moves next (after any forced pass, as
/// the engine says). Lenient (the original's rule): legal for either side. Top-N set match: the N
/// highest logits are exactly the legal moves, N = their number.
/// </summary>
/// <param name="Games">Games evaluated.</param>
/// <param name="Predictions">Prefixes scored (moves 1..t predicting move t+1, t = 1 .. length-1).</param>
/// <param name="StrictErrors">Top-1 moves illegal for the side to move.</param>
/// <param name="LenientErrors">Top-1 moves illegal for both sides.</param>
/// <param name="SetMatches">Prefixes whose top-N set equals the legal set.</param>
public sealed record LegalMoveScore(long Games, long Predictions, long StrictErrors, long LenientErrors, long SetMatches)
{
    /// <summary>Strict top-1 error rate.</summary>
    public double StrictError => Predictions == 0 ? 0 : (double)StrictErrors / Predictions;
    /// <summary>Lenient top-1 error rate.</summary>
    public double LenientError => Predictions == 0 ? 0 : (double)LenientErrors / Predictions;
    /// <summary>Top-N set match rate.</summary>
    public double SetMatch => Predictions == 0 ? 0 : (double)SetMatches / Predictions;

    /// <summary>The sum of two scores over disjoint games.</summary>
    public static LegalMoveScore operator +(LegalMoveScore a, LegalMoveScore b) =>
        new(a.Games + b.Games, a.Predictions + b.Predictions, a.StrictErrors + b.StrictErrors,
            a.LenientErrors + b.LenientErrors, a.SetMatches + b.SetMatches);

    /// <summary>No games.</summary>
    public static LegalMoveScore Zero { get; } = new(0, 0, 0, 0, 0);
}
