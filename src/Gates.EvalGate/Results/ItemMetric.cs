using System.Globalization;
using System.Text.Json;
using Gates.Core.Statistics;
using Gates.EvalGate.Results.Json;

namespace Gates.EvalGate.Results;

/// <summary>
/// One metric computed from per-item values held in a document (promptfoo results, openai/evals events):
/// running statistics, items without a value, the first value that was not a number, and optionally the values by item id.
/// With <paramref name="grouped"/> the ids name items that repeat (promptfoo --repeat): values are gathered per item and
/// each item counts once.
/// </summary>
internal sealed class ItemMetric(string name, bool keepItems, bool grouped = false)
{
    private readonly RunningStats stats = new();
    private readonly ItemGroups? groups = grouped ? new ItemGroups() : null;
    private string? problem;

    public string Name => name;

    public long Missing { get; private set; }

    /// <summary>Items offered to this metric: with a value, without one, or with one that is not a number.</summary>
    public long Total { get; private set; }

    public Dictionary<string, double>? Items { get; } = keepItems ? new(StringComparer.Ordinal) : null;

    public void Add(double value, string? id)
    {
        Total++;
        if (groups is not null && id is not null)
        {
            groups.Add(id, value);
            return;
        }

        stats.Add(value);
        if (id is not null && Items is not null)
        {
            Items[id] = value;
        }
    }

    /// <summary>Adds a number or boolean; null or absent counts as missing; anything else makes the metric invalid.</summary>
    public void Add(JsonElement? element, string? id, string where)
    {
        switch (element?.ValueKind)
        {
            case null or JsonValueKind.Undefined or JsonValueKind.Null:
                Total++;
                Missing++;
                return;
            case JsonValueKind.True or JsonValueKind.False:
                Add(element.Value.GetBoolean() ? 1 : 0, id);
                return;
        }

        if (JsonNumbers.Finite(element.Value, out var why) is { } value)
        {
            Add(value, id);
        }
        else
        {
            Total++;
            problem ??= $"{why} at {where}";
        }
    }

    /// <summary>Values by item id for pairing: each item's mean over its runs when grouped.</summary>
    public IReadOnlyDictionary<string, double>? ItemValues => groups is not null && Items is not null ? groups.Means() : Items;

    /// <summary>Runs and passes per item when grouped and every value was 0 or 1.</summary>
    public IReadOnlyList<ItemRuns>? ItemRuns => groups?.ItemRuns();

    public MetricFind ToFind(string path, bool? higherIsBetter = null)
    {
        if (problem is not null)
        {
            return MetricProblem.Invalid(path, name, problem);
        }

        if ((groups is not null ? groups.ToObservation(higherIsBetter) : stats.ToObservation(higherIsBetter)) is not { } observation)
        {
            return MetricProblem.Invalid(path, name, $"has no values: all {Total} items lack it");
        }

        var note = Missing > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Missing} of {Total} items have no value for '{name}'; they are left out, n = {observation.N}")
            : null;
        return new MetricFind.Found(observation, note);
    }
}
