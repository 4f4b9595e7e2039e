namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// One field's values for the kept items, stored by item position (NaN where the item had none) so that many
/// fields share one list of ids; turned into an id → value map only for the metric that is asked for.
/// </summary>
internal sealed class ItemColumn
{
    private readonly List<double> values = [];

    public void Set(int item, double value)
    {
        while (values.Count < item)
        {
            values.Add(double.NaN);
        }

        values.Add(value);
    }

    public IReadOnlyDictionary<string, double> ByIds(IReadOnlyList<string> ids)
    {
        var map = new Dictionary<string, double>(values.Count, StringComparer.Ordinal);
        for (var i = 0; i < values.Count; i++)
        {
            if (!double.IsNaN(values[i]))
            {
                map[ids[i]] = values[i];
            }
        }

        return map;
    }
}
