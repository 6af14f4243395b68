namespace WorldProbe.Othello;

/// <summary>
/// A train/validation split by game (never by position): validation is a seeded uniformly random subset of the
/// games, not a block of a sorted corpus. Index arrays are ascending so reads sweep the file in order.
/// </summary>
/// <param name="Train">Indices of the training games, ascending.</param>
/// <param name="Validation">Indices of the validation games, ascending.</param>
public sealed record GameSplit(int[] Train, int[] Validation)
{
    /// <summary>Puts round(<paramref name="validationFraction"/> x games) random games in validation.</summary>
    public static GameSplit Create(long games, double validationFraction, long seed)
    {
        if (games is < 0 or > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(games), games, "0..2^31-1 games");
        if (validationFraction is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(validationFraction), validationFraction, "a fraction in [0, 1]");
        int count = (int)games;
        int validationCount = (int)Math.Round(count * validationFraction);
        var order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        var random = GameRandom.ForGame(seed, -1);
        // Partial Fisher-Yates: the first validationCount slots become a uniform random subset.
        for (int i = 0; i < validationCount; i++)
        {
            int j = i + random.NextBelow(count - i);
            (order[i], order[j]) = (order[j], order[i]);
        }
        int[] validation = order[..validationCount];
        int[] train = order[validationCount..];
        Array.Sort(validation);
        Array.Sort(train);
        return new GameSplit(train, validation);
    }
}
