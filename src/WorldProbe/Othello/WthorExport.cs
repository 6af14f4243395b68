namespace WorldProbe.Othello;

/// <summary>Writes a corpus's games as a WTHOR database (player and tournament numbers 0; scores from replay).</summary>
public static class WthorExport
{
    /// <summary>
    /// Replays every game of <paramref name="corpus"/> and writes them to <paramref name="path"/>. Black's disc count is
    /// the federation's: in a finished game the empty squares go to the winner. The theoretical score is left at
    /// black's count with depth 0 (not computed).
    /// </summary>
    public static int Write(GameCorpus corpus, string path, ushort gamesYear)
    {
        if (corpus.Count > uint.MaxValue) throw new WorldProbeException($"{corpus.Path}: {corpus.Count} games do not fit a WTHOR file.");
        var games = new List<WthorGame>((int)corpus.Count);
        for (long i = 0; i < corpus.Count; i++)
        {
            byte[] moves = corpus.Moves(i).ToArray();
            var state = GameState.Start;
            foreach (byte move in moves)
                if (state.TryPlay(move) == 0)
                    throw new WorldProbeException($"{corpus.Path}, game {i + 1}: move {Square.Name(move)} is illegal; the corpus is corrupt, regenerate it.");
            int black = state.BlackCount, white = state.WhiteCount, empty = 64 - black - white;
            if (state.IsOver && black > white) black += empty;
            else if (state.IsOver && black == white) black += empty / 2;
            games.Add(new WthorGame { BlackDiscs = (byte)black, TheoreticalScore = (byte)black, Moves = moves });
        }
        var now = DateTime.UtcNow;
        WthorFile.Write(path, new WthorHeader
        {
            Century = (byte)(now.Year / 100), Year = (byte)(now.Year % 100), Month = (byte)now.Month, Day = (byte)now.Day,
            GamesYear = gamesYear, Depth = 0,
        }, games);
        return games.Count;
    }
}
