using static TorchSharp.torch;

namespace WorldProbe.Othello.Training;

/// <summary>
/// The Othello-GPT token stream, as in the original: token 0 is padding, tokens 1..60 are the playable
/// squares (<see cref="Square.ToOriginalToken"/>), no pass token. A game of up to 60 moves gives the
/// input moves[0..59) and the targets moves[1..60).
/// </summary>
public static class MoveTokens
{
    /// <summary>Vocabulary size: padding plus 60 squares.</summary>
    public const int Vocabulary = 61;

    /// <summary>Input positions: 59 moves predict the next 59.</summary>
    public const int Context = 59;

    /// <summary>The padding token, ignored by the loss.</summary>
    public const int Padding = 0;

    /// <summary>Writes the 60 token ids of a 60-byte game record (padding after the last move).</summary>
    public static void Encode(ReadOnlySpan<byte> record, Span<long> tokens)
    {
        int moves = GameRecord.MoveCount(record);
        for (int i = 0; i < GameRecord.Length; i++)
            tokens[i] = i < moves ? Square.ToOriginalToken(record[i]) : Padding;
    }

    /// <summary>Token ids of games given as move lists: <c>// [games, 60]</c> int64.</summary>
    public static Tensor Encode(IReadOnlyList<byte[]> games)
    {
        var tokens = new long[games.Count * GameRecord.Length];
        for (int g = 0; g < games.Count; g++)
            Encode(GameRecord.From(games[g]), tokens.AsSpan(g * GameRecord.Length, GameRecord.Length));
        return tensor(tokens, games.Count, GameRecord.Length);
    }
}
