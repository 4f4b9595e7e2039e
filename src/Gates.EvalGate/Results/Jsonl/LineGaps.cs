namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The line each item id was first seen on, without a number per item: ids usually come one a line, so only the
/// places where the next new id skips lines (blank lines, repeated ids) are kept, and a line is counted on from there.
/// </summary>
internal sealed class LineGaps
{
    private readonly List<(int Position, long Line)> starts = [];
    private int count;
    private long last;

    /// <summary>Notes that the id at the next position (<paramref name="position"/>) was first seen on <paramref name="line"/>.</summary>
    public void Add(int position, long line)
    {
        if (position != count)
        {
            throw new ArgumentOutOfRangeException(nameof(position), "positions come in order");
        }

        if (count == 0 || line != last + 1)
        {
            starts.Add((position, line));
        }

        count++;
        last = line;
    }

    public long LineOf(int position)
    {
        var (low, high) = (0, starts.Count - 1);
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (starts[middle].Position <= position)
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var start = starts[low];
        return start.Line + (position - start.Position);
    }
}
