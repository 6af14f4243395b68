using WorldProbe.Othello;

namespace WorldProbe.Tests.Othello;

/// <summary>Board-state labels: hand-computed positions and the array reference along random games.</summary>
public class BoardLabelerTests
{
    static byte[] Square64(BoardLabels labels, byte[] array, int game, int t) =>
        array.AsSpan((game * BoardLabels.PositionsPerGame + t - 1) * 64, 64).ToArray();

    [Fact]
    public void AfterF5TheLabelsAreTheHandComputedBoard()
    {
        var labels = new BoardLabels(1);
        BoardLabeler.LabelGames(GameRecord.From([(byte)Square.Parse("f5")]), labels);
        var absolute = Square64(labels, labels.Absolute!, 0, 1);
        var expected = new byte[64];
        foreach (string black in new[] { "d5", "e4", "e5", "f5" }) expected[Square.Parse(black)] = 1;
        expected[Square.Parse("d4")] = 2;
        Assert.Equal(expected, absolute);
        // White moves next, so white's disc is "mine" (1) and black's are "theirs" (2).
        var relative = Square64(labels, labels.Relative!, 0, 1);
        Assert.Equal(1, relative[Square.Parse("d4")]);
        Assert.Equal(2, relative[Square.Parse("f5")]);
        Assert.Equal(5, relative.Count(v => v != 0));
        Assert.Equal([Square.Parse("e5")], ReferenceOthello.Squares(ToBoard(Square64(labels, labels.Flipped!, 0, 1))));
        Assert.Equal(new[] { "d6", "f4", "f6" }.Select(n => Square.Parse(n)).Order(),
                     ReferenceOthello.Squares(ToBoard(Square64(labels, labels.Legal!, 0, 1))));
        Assert.Equal((byte)Disc.White, labels.NextPlayer[0]);
        Assert.Equal(1, labels.Valid[0]);
        Assert.Equal(0, labels.Valid[1]);
        Assert.All(labels.Absolute!.AsSpan(64).ToArray(), v => Assert.Equal(0, v));
    }

    [Fact]
    public void LabelsMatchTheReferenceAlongRandomGamesIncludingPasses()
    {
        const int games = 150;
        var records = new byte[games * GameRecord.Length];
        for (int g = 0; g < games; g++) SyntheticGameGenerator.PlayGame(99, g, records.AsSpan(g * GameRecord.Length, GameRecord.Length));
        var labels = new BoardLabels(games);
        BoardLabeler.LabelGames(records, labels, threads: 2);
        int passes = 0;
        for (int g = 0; g < games; g++)
        {
            var reference = new ReferenceOthello();
            int moves = GameRecord.MoveCount(records.AsSpan(g * GameRecord.Length, GameRecord.Length));
            for (int t = 1; t <= moves; t++)
            {
                Disc mover = reference.ToMove;
                var flips = reference.Play(records[g * GameRecord.Length + t - 1]);
                int position = g * 60 + t - 1;
                Assert.Equal(1, labels.Valid[position]);
                Assert.Equal((byte)reference.ToMove, labels.NextPlayer[position]);
                if (reference.ToMove == mover) passes++;
                Disc mine = reference.ToMove == Disc.Empty ? mover.Opponent() : reference.ToMove;
                var absolute = Square64(labels, labels.Absolute!, g, t);
                var relative = Square64(labels, labels.Relative!, g, t);
                for (int s = 0; s < 64; s++)
                {
                    Disc cell = reference.Cells[s / 8, s % 8];
                    Assert.Equal((byte)cell, absolute[s]);
                    Assert.Equal(cell == Disc.Empty ? 0 : cell == mine ? 1 : 2, relative[s]);
                }
                Assert.Equal(flips, ReferenceOthello.Squares(ToBoard(Square64(labels, labels.Flipped!, g, t))));
                var legal = reference.ToMove == Disc.Empty ? [] : reference.LegalMoves(reference.ToMove);
                Assert.Equal(legal, ReferenceOthello.Squares(ToBoard(Square64(labels, labels.Legal!, g, t))));
            }
            Assert.Equal(Disc.Empty, reference.ToMove);
            Assert.Equal(0, labels.NextPlayer[g * 60 + moves - 1]);
            for (int t = moves + 1; t <= 60; t++) Assert.Equal(0, labels.Valid[g * 60 + t - 1]);
        }
        Assert.True(passes > 0, "the sample should include positions where the next player passed");
    }

    [Fact]
    public void RelabellingASlotClearsItsOldPositionsAndIllegalGamesAreRefused()
    {
        var labels = new BoardLabels(1, relative: false, flipped: false, legal: false);
        var record = new byte[60];
        SyntheticGameGenerator.PlayGame(1, 0, record);
        BoardLabeler.LabelGame(record, labels, 0);
        BoardLabeler.LabelGame(GameRecord.From([(byte)Square.Parse("d3")]), labels, 0);
        Assert.Equal(1, labels.Valid.Count(v => v == 1));
        Assert.Null(labels.Relative);
        Assert.Throws<InvalidDataException>(() => BoardLabeler.LabelGame(GameRecord.From([(byte)Square.Parse("a1")]), labels, 0));
    }

    static ulong ToBoard(byte[] squares)
    {
        ulong board = 0;
        for (int s = 0; s < 64; s++)
            if (squares[s] != 0) board |= 1UL << s;
        return board;
    }
}
