namespace WorldProbe.Activations;

/// <summary>One right-padded batch of token sequences, with the position to read in each.</summary>
/// <param name="Rows">Index of each batch row in the caller's sequence list.</param>
/// <param name="Ids">Token ids [batch, pos], 0 after each sequence's end.</param>
/// <param name="Mask">1 on real tokens, 0 on padding [batch, pos].</param>
/// <param name="Positions">The position to read in each row [batch].</param>
public sealed record SequenceBatch(int[] Rows, long[,] Ids, long[,] Mask, long[] Positions);

/// <summary>
/// Groups sequences into right-padded batches, shortest first, so that padding stays small; each batch
/// says which sequences it holds, so results go back to the caller's order.
/// </summary>
public static class SequenceBatches
{
    /// <summary>Batches of at most <paramref name="batchSize"/> sequences, sorted by length.</summary>
    public static IEnumerable<SequenceBatch> ByLength(IReadOnlyList<long[]> sequences, IReadOnlyList<int> positions, int batchSize)
    {
        if (sequences.Count != positions.Count)
            throw new WorldProbeException($"{sequences.Count} sequences but {positions.Count} positions; give one position per sequence.");
        if (batchSize < 1) throw new WorldProbeException($"batch size {batchSize} must be at least 1.");
        for (int i = 0; i < sequences.Count; i++)
            if (positions[i] < 0 || positions[i] >= sequences[i].Length)
                throw new WorldProbeException($"sequence {i}: position {positions[i]} is outside its {sequences[i].Length} tokens.");
        var order = Enumerable.Range(0, sequences.Count).OrderBy(i => sequences[i].Length).ToArray();
        for (int start = 0; start < order.Length; start += batchSize)
        {
            var rows = order.Skip(start).Take(batchSize).ToArray();
            int length = rows.Max(i => sequences[i].Length);
            var ids = new long[rows.Length, length];
            var mask = new long[rows.Length, length];
            for (int r = 0; r < rows.Length; r++)
                for (int t = 0; t < sequences[rows[r]].Length; t++)
                {
                    ids[r, t] = sequences[rows[r]][t];
                    mask[r, t] = 1;
                }
            yield return new SequenceBatch(rows, ids, mask, rows.Select(i => (long)positions[i]).ToArray());
        }
    }
}
