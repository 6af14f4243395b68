namespace WorldProbe.Othello;

/// <summary>
/// Reads transcript CSV files such as eOthello's othello_dataset.csv: a header naming the columns
/// Othello_game_id, winner (1 black won, -1 white won, 0 draw) and game_moves (standard notation, two characters a
/// move, no passes), in any order, then one game a line.
/// </summary>
public static class TranscriptCsv
{
    /// <summary>The required columns.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["Othello_game_id", "winner", "game_moves"];

    /// <summary>Reads every game; a missing column or malformed row is a <see cref="WorldProbeException"/> naming the line.</summary>
    public static List<TranscriptGame> Read(string path)
    {
        using var reader = new StreamReader(path);
        string? headerLine = reader.ReadLine();
        if (string.IsNullOrWhiteSpace(headerLine))
            throw new WorldProbeException($"{path}: the file is empty; a transcript CSV starts with the header {string.Join(',', Columns)}.");
        string[] header = headerLine.Split(',').Select(h => h.Trim().Trim('"')).ToArray();
        int[] index = Columns.Select(c => Array.FindIndex(header, h => h.Equals(c, StringComparison.OrdinalIgnoreCase))).ToArray();
        string[] missing = Columns.Where((_, i) => index[i] < 0).ToArray();
        if (missing.Length > 0)
            throw new WorldProbeException(
                $"{path}, line 1: missing column(s) {string.Join(", ", missing)}; found {string.Join(", ", header)}. " +
                $"The header must name {string.Join(", ", Columns)}.");
        var games = new List<TranscriptGame>();
        int line = 1;
        for (string? text = reader.ReadLine(); text is not null; text = reader.ReadLine())
        {
            line++;
            if (text.Length == 0) continue;
            string[] fields = text.Split(',');
            if (fields.Length != header.Length)
                throw new WorldProbeException($"{path}, line {line}: {fields.Length} fields where the header has {header.Length}; fix or remove the line.");
            string id = fields[index[0]].Trim().Trim('"');
            string winnerText = fields[index[1]].Trim().Trim('"');
            Disc winner = winnerText switch
            {
                "1" => Disc.Black,
                "-1" => Disc.White,
                "0" => Disc.Empty,
                _ => throw new WorldProbeException($"{path}, line {line}, column winner: \"{winnerText}\" is not 1 (black), -1 (white) or 0 (draw)."),
            };
            byte[] moves = GameRecord.ParseTranscript(fields[index[2]].Trim().Trim('"'), $"{path}, line {line} (game {id})");
            games.Add(new TranscriptGame(line, id, winner, moves));
        }
        return games;
    }
}
