namespace WorldProbe.Othello;

/// <summary>The content of a square, and the colour of a player. The byte values are the label values.</summary>
public enum Disc : byte
{
    /// <summary>No disc.</summary>
    Empty = 0,
    /// <summary>A black disc; black moves first.</summary>
    Black = 1,
    /// <summary>A white disc.</summary>
    White = 2,
}

/// <summary>Helpers on <see cref="Disc"/>.</summary>
public static class DiscExtensions
{
    /// <summary>The other player's colour (Black and White swap; Empty stays Empty).</summary>
    public static Disc Opponent(this Disc player) => player switch
    {
        Disc.Black => Disc.White,
        Disc.White => Disc.Black,
        _ => Disc.Empty,
    };
}
