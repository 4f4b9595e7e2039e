namespace Gates.EvalGate.Results;

/// <summary>Metrics computed by a reader, in the order they were added, with optional per-item values.</summary>
internal sealed class MetricTable
{
    private readonly Dictionary<string, MetricFind> metrics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Lazy<IReadOnlyDictionary<string, double>>> items = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<Gates.Core.Statistics.ItemRuns>> runs = new(StringComparer.Ordinal);
    private readonly List<string> names = [];

    public IReadOnlyList<string> Names => names;

    public int Count => names.Count;

    /// <summary>Adds a metric; the first one added under a name wins.</summary>
    public void Add(string name, MetricFind find, IReadOnlyDictionary<string, double>? itemValues = null) =>
        Add(name, find, itemValues is null ? null : () => itemValues);

    /// <summary>Adds a metric whose per-item values are built only when asked for.</summary>
    public void Add(string name, MetricFind find, Func<IReadOnlyDictionary<string, double>>? itemValues)
    {
        if (!metrics.TryAdd(name, find))
        {
            return;
        }

        names.Add(name);
        if (itemValues is not null)
        {
            items[name] = new Lazy<IReadOnlyDictionary<string, double>>(itemValues);
        }
    }

    /// <summary>Adds a name that <see cref="Get"/> explains but that is not listed (a field holding text).</summary>
    public void AddHidden(string name, MetricFind find) => metrics.TryAdd(name, find);

    public bool Contains(string name) => metrics.ContainsKey(name);

    public MetricFind? Get(string name) => metrics.GetValueOrDefault(name);

    public IReadOnlyDictionary<string, double>? Items(string name) => items.GetValueOrDefault(name)?.Value;

    /// <summary>Records the runs and passes of each item of a metric whose items repeat.</summary>
    public void AddRuns(string name, IReadOnlyList<Gates.Core.Statistics.ItemRuns> itemRuns) => runs.TryAdd(name, itemRuns);

    public IReadOnlyList<Gates.Core.Statistics.ItemRuns>? Runs(string name) => runs.GetValueOrDefault(name);
}
