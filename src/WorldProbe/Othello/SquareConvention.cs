namespace WorldProbe.Othello;

/// <summary>How a square is named or numbered when it is read or written.</summary>
public enum SquareConvention
{
    /// <summary>
    /// Standard Othello notation: letter = column a..h, digit = row 1..8, a1 top-left; index = 8 * (row - 1) + column,
    /// so a1 = 0, h1 = 7, a8 = 56. WorldProbe uses this everywhere internally.
    /// </summary>
    Standard,

    /// <summary>
    /// The convention of Li et al.'s code (likenneth/othello_world): the letter is the row, so "d3" is row 3, column 2
    /// (0-based) and index = 8 * letter + (digit - 1). This is the transpose of <see cref="Standard"/>; it is offered
    /// only to compare with that code.
    /// </summary>
    Original,
}
