using Gates.Core.Metrics;
using Gates.Core.Statistics;

namespace Gates.EvalGate.Results;

/// <summary>
/// Values of repeated runs gathered by item: each item gives one value (the mean of its runs), so the item, not the
/// run, is the unit. All-0/1 values keep each item's runs and passes for per-item gates and a Wilson interval over items.
/// </summary>
internal sealed class ItemGroups
{
    private readonly Dictionary<string, (double Sum, int Count)> groups = new(StringComparer.Ordinal);
    private bool zeroOne = true;

    public long Runs { get; private set; }

    public void Add(string item, double value)
    {
        Runs++;
        zeroOne &= value is 0 or 1;
        var (sum, count) = groups.GetValueOrDefault(item);
        groups[item] = (sum + value, count + 1);
    }

    /// <summary>An item's runs at once: their sum and count, and whether every value was 0 or 1.</summary>
    public void AddItem(string item, double sum, int count, bool zeroOrOne)
    {
        Runs += count;
        zeroOne &= zeroOrOne;
        groups[item] = (sum, count);
    }

    public int Count => groups.Count;

    /// <summary>Each item's mean over its runs.</summary>
    public Dictionary<string, double> Means() => groups.ToDictionary(g => g.Key, g => g.Value.Sum / g.Value.Count, StringComparer.Ordinal);

    /// <summary>Runs and passes per item, or null unless every value was 0 or 1.</summary>
    public IReadOnlyList<ItemRuns>? ItemRuns() =>
        zeroOne ? [.. groups.Select(g => new ItemRuns(g.Key, g.Value.Count, (int)g.Value.Sum))] : null;

    /// <summary>The item-level observation, or null without values.</summary>
    public MetricObservation? ToObservation(bool? higherIsBetter)
    {
        if (groups.Count == 0)
        {
            return null;
        }

        if (zeroOne)
        {
            var sum = groups.Values.Sum(g => g.Sum / g.Count);
            return new MetricObservation(sum / groups.Count)
            {
                N = groups.Count,
                ItemSuccesses = sum,
                Runs = Runs,
                HigherIsBetter = higherIsBetter,
            };
        }

        var stats = new RunningStats();
        foreach (var mean in Means().Values)
        {
            stats.Add(mean);
        }

        var observation = stats.ToObservation(higherIsBetter)!;
        return observation with { Successes = null, Runs = Runs };
    }
}
