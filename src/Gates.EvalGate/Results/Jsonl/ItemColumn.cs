namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// One field's values by item position (the sum and count of its runs) so that many fields share one list of ids;
/// turned into an id → value map, or item groups, only for the metric that is asked for.
/// </summary>
internal sealed class ItemColumn
{
    private readonly List<double> sums = [];
    private readonly List<int> counts = [];
    private bool zeroOne = true;

    /// <summary>Adds one run's value to the item at <paramref name="item"/>; an item seen again gets another run.</summary>
    public void Set(int item, double value)
    {
        while (sums.Count <= item)
        {
            sums.Add(0);
            counts.Add(0);
        }

        sums[item] += value;
        counts[item]++;
        zeroOne &= value is 0 or 1;
    }

    /// <summary>Each item's value (the mean of its runs) by id.</summary>
    public IReadOnlyDictionary<string, double> ByIds(IReadOnlyList<string> ids)
    {
        var map = new Dictionary<string, double>(sums.Count, StringComparer.Ordinal);
        for (var i = 0; i < sums.Count; i++)
        {
            if (counts[i] > 0)
            {
                map[ids[i]] = sums[i] / counts[i];
            }
        }

        return map;
    }

    /// <summary>The values gathered by item, for item-level statistics of repeated items.</summary>
    public ItemGroups Groups(IReadOnlyList<string> ids)
    {
        var groups = new ItemGroups();
        for (var i = 0; i < sums.Count; i++)
        {
            if (counts[i] > 0)
            {
                groups.AddItem(ids[i], sums[i], counts[i], zeroOne);
            }
        }

        return groups;
    }
}
