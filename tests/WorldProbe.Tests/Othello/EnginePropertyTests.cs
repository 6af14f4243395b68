using WorldProbe.Othello;

namespace WorldProbe.Tests.Othello;

/// <summary>The bitboard engine against <see cref="ReferenceOthello"/> along seeded random games.</summary>
public class EnginePropertyTests
{
    [Fact]
    public void BitboardRulesAgreeWithTheArrayReferenceAlongRandomGames()
    {
        var random = new Random(20231);
        int passesSeen = 0, checkedPositions = 0;
        for (int game = 0; game < 120; game++)
        {
            var reference = new ReferenceOthello();
            var state = GameState.Start;
            while (!state.IsOver)
            {
                Assert.Equal(reference.ToMove, state.ToMove);
                ulong mine = state.Mine, theirs = state.Theirs;
                Assert.Equal(reference.Board(Disc.Black), state.Black);
                Assert.Equal(reference.Board(Disc.White), state.White);
                Assert.Equal(64, state.BlackCount + state.WhiteCount + Bitboards.Count(state.Empty));
                Assert.Equal(0UL, state.Black & state.White);

                var legal = reference.LegalMoves(state.ToMove);
                Assert.Equal(legal, ReferenceOthello.Squares(Bitboards.LegalMoves(mine, theirs)));
                Assert.Equal(legal, ReferenceOthello.Squares(Bitboards.LegalMovesPortable(mine, theirs)));
                Assert.NotEmpty(legal); // the state never asks a side with no move to move: that side has passed
                for (int square = 0; square < 64; square++)
                {
                    var expected = reference.FlipsFor(state.ToMove, square / 8, square % 8).Select(f => f.Row * 8 + f.Column).Order().ToList();
                    Assert.Equal(expected, ReferenceOthello.Squares(Bitboards.Flips(mine, theirs, square)));
                    Assert.Equal(expected, ReferenceOthello.Squares(Bitboards.FlipsPortable(mine, theirs, square)));
                }
                checkedPositions++;

                int move = legal[random.Next(legal.Count)];
                Disc mover = state.ToMove;
                int passesBefore = state.Passes;
                var flips = ReferenceOthello.Squares(state.Play(move));
                Assert.Equal(reference.Play(move), flips);
                if (state.Passes > passesBefore)
                {
                    // A pass happens only when the opponent has no legal move at all.
                    passesSeen++;
                    Assert.Equal(mover, state.ToMove);
                    Assert.Empty(reference.LegalMoves(mover.Opponent()));
                }
            }
            Assert.Empty(reference.LegalMoves(Disc.Black));
            Assert.Empty(reference.LegalMoves(Disc.White));
            Assert.Equal(0UL, state.LegalMoves);
        }
        Assert.True(passesSeen > 0, "the sample should include passes");
        Assert.True(checkedPositions > 6000);
    }

    [Fact]
    public void IllegalMovesAreRefusedAndLeaveTheStateUnchanged()
    {
        var state = GameState.Start;
        var before = state;
        Assert.Equal(0UL, state.TryPlay(Square.Parse("a1")));
        Assert.Equal(0UL, state.TryPlay(Square.Parse("d4"))); // occupied
        Assert.Equal(0UL, state.TryPlay(Square.Parse("e3"))); // legal for white only: the original's lenient check would accept it
        Assert.Equal(before, state);
    }

    [Fact]
    public void GeneratedGamesReplayLegallyToTheirEndAndCountEveryDisc()
    {
        var record = new byte[GameRecord.Length];
        for (long game = 0; game < 2000; game++)
        {
            int count = SyntheticGameGenerator.PlayGame(7, game, record);
            var state = GameState.Start;
            for (int m = 0; m < count; m++) state.Play(record[m]);
            Assert.True(state.IsOver);
            Assert.Equal(count + 4, state.BlackCount + state.WhiteCount);
            Assert.Equal(count, GameRecord.MoveCount(record));
        }
    }
}
