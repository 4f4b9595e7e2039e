namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Everything learned about one (flattened) field of a per-item JSONL file: which kinds it took and on which
/// line first, how often it was null or absent, and the running statistics of its values.
/// </summary>
internal sealed class FieldStats(string name, byte[] utf8, bool isId, bool aggregate, bool keepItems)
{
    private readonly long[] firstLine = new long[5];

    public string Name { get; } = name;

    public byte[] Utf8 { get; } = utf8;

    /// <summary>An item id field (id, item_id, sample_id or --id-field): never a metric.</summary>
    public bool IsId { get; } = isId;

    /// <summary>False for fields the gates did not ask for and for item ids: kinds are tracked, values are not.</summary>
    public bool Aggregate { get; } = aggregate && !isId;

    public RunningStats Stats { get; } = new();

    public ItemColumn? Items { get; } = aggregate && !isId && keepItems ? new() : null;

    /// <summary>Items on which the field appeared (with any value, null included).</summary>
    public long Present { get; private set; }

    public long Nulls { get; private set; }

    public long NonFinite { get; private set; }

    public long FirstNonFiniteLine { get; private set; }

    public long FirstNullLine { get; private set; }

    public long FirstAbsentLine { get; set; }

    /// <summary>The item (1-based) on which the field was last seen; a repeated key within one item is ignored.</summary>
    public long LastItem { get; private set; }

    public long FirstLine(ValueKind kind) => firstLine[(int)kind];

    public IEnumerable<ValueKind> Kinds => Enum.GetValues<ValueKind>().Where(k => firstLine[(int)k] > 0);

    /// <summary>Marks the field as seen on this item; false if it already was (a duplicate key).</summary>
    public bool Visit(long item)
    {
        if (LastItem == item)
        {
            return false;
        }

        LastItem = item;
        Present++;
        return true;
    }

    public void Saw(ValueKind kind, long line)
    {
        ref var first = ref firstLine[(int)kind];
        if (first == 0)
        {
            first = line;
        }
    }

    public void SawNull(long line)
    {
        Nulls++;
        if (FirstNullLine == 0)
        {
            FirstNullLine = line;
        }
    }

    public void SawNonFinite(long line)
    {
        Saw(ValueKind.Number, line);
        NonFinite++;
        if (FirstNonFiniteLine == 0)
        {
            FirstNonFiniteLine = line;
        }
    }
}
