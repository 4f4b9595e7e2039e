namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// One field's values by item position (the sum and count of its runs) so that many fields share one table of ids;
/// turned into an id → value map, or item groups, only for the metric that is asked for. Kept compactly: while every
/// value is 0 or 1 and no item has a second run, two bits an item; then a double an item, and a count only once an
/// item has several runs.
/// </summary>
internal sealed class ItemColumn
{
    private ulong[] present = new ulong[16];
    private ulong[]? ones = new ulong[16];
    private double[]? sums;
    private int[]? counts;
    private bool zeroOne = true;

    /// <summary>Items with a value.</summary>
    public int Count { get; private set; }

    /// <summary>One past the highest position with a value.</summary>
    public int Length { get; private set; }

    /// <summary>True while every run's value was 0 or 1.</summary>
    public bool ZeroOne => zeroOne;

    /// <summary>Adds one run's value to the item at <paramref name="item"/>; an item seen again gets another run.</summary>
    public void Set(int item, double value)
    {
        Grow(item);
        zeroOne &= value is 0 or 1;
        if (Has(item))
        {
            ToSums();
            ToCounts();
            sums![item] += value;
            counts![item]++;
            return;
        }

        present[item >> 6] |= 1UL << item;
        Count++;
        Length = Math.Max(Length, item + 1);
        if (ones is not null && value is 0 or 1)
        {
            if (value == 1)
            {
                ones[item >> 6] |= 1UL << item;
            }

            return;
        }

        ToSums();
        sums![item] += value;
        if (counts is not null)
        {
            counts[item] = 1;
        }
    }

    public bool Has(int item) => item < Length && (present[item >> 6] & (1UL << item)) != 0;

    /// <summary>The sum of the item's runs.</summary>
    public double Sum(int item) => sums is not null ? sums[item] : (ones![item >> 6] & (1UL << item)) != 0 ? 1 : 0;

    /// <summary>The item's runs (0 when it has no value).</summary>
    public int Runs(int item) => !Has(item) ? 0 : counts is not null ? counts[item] : 1;

    /// <summary>The item's value: the mean of its runs.</summary>
    public double Value(int item) => counts is not null ? sums![item] / counts[item] : Sum(item);

    /// <summary>Each item's value (the mean of its runs) by id, read from this column when asked.</summary>
    public IReadOnlyDictionary<string, double> ByIds(IdTable ids) => new ItemValueMap(ids, this);

    /// <summary>The values gathered by item, for item-level statistics of repeated items.</summary>
    public ItemGroups Groups(IReadOnlyList<string> ids)
    {
        var groups = new ItemGroups();
        for (var i = 0; i < Length; i++)
        {
            if (Has(i))
            {
                groups.AddItem(ids[i], Sum(i), Runs(i), zeroOne);
            }
        }

        return groups;
    }

    private void Grow(int item)
    {
        var words = (item >> 6) + 1;
        if (words <= present.Length)
        {
            return;
        }

        var size = Math.Max(words, present.Length * 2);
        Array.Resize(ref present, size);
        if (ones is not null)
        {
            Array.Resize(ref ones, size);
        }

        if (sums is not null)
        {
            Array.Resize(ref sums, size * 64);
        }

        if (counts is not null)
        {
            Array.Resize(ref counts, size * 64);
        }
    }

    private void ToSums()
    {
        if (sums is not null)
        {
            return;
        }

        var values = new double[present.Length * 64];
        for (var i = 0; i < Length; i++)
        {
            values[i] = Sum(i);
        }

        sums = values;
        ones = null;
    }

    private void ToCounts()
    {
        if (counts is not null)
        {
            return;
        }

        counts = new int[present.Length * 64];
        for (var i = 0; i < Length; i++)
        {
            counts[i] = Has(i) ? 1 : 0;
        }
    }
}
