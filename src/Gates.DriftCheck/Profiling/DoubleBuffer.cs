namespace Gates.DriftCheck.Profiling;

/// <summary>A growing list of doubles kept in fixed-size blocks, so growth never copies what is already held.</summary>
internal sealed class DoubleBuffer
{
    private const int BlockSize = 1 << 16;
    private readonly List<double[]> blocks = [];
    private int used = BlockSize;

    public long Count { get; private set; }

    public void Add(double value)
    {
        if (used == BlockSize)
        {
            blocks.Add(new double[BlockSize]);
            used = 0;
        }

        blocks[^1][used++] = value;
        Count++;
    }

    /// <summary>Copies the values into one array and releases the blocks.</summary>
    public double[] Drain()
    {
        var all = new double[Count];
        var offset = 0;
        foreach (var block in blocks)
        {
            var n = (int)Math.Min(BlockSize, Count - offset);
            Array.Copy(block, 0, all, offset, n);
            offset += n;
        }

        blocks.Clear();
        used = BlockSize;
        Count = 0;
        return all;
    }
}
