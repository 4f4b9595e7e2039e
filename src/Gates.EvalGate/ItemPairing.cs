using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate;

/// <summary>
/// The items of one metric that the current results and the baseline share, matched by id. Two per-item JSONL files
/// are matched on their ids' bytes (<see cref="ItemValueMap"/>), with no string or dictionary per item; any other pair
/// of maps by their string keys. The McNemar counts come from one pass; the values in id order (for the bootstrap,
/// whose resamples depend on the order) are made only when asked for.
/// </summary>
internal sealed class ItemPairing
{
    private readonly Func<(double[] Current, double[] Baseline)> ordered;

    private ItemPairing(int matched, int currentCount, int baselineCount, bool zeroOne, int baselineOnlyCorrect, int currentOnlyCorrect,
        Func<(double[] Current, double[] Baseline)> ordered)
    {
        Matched = matched;
        CurrentOnly = currentCount - matched;
        BaselineOnly = baselineCount - matched;
        ZeroOne = zeroOne;
        BaselineOnlyCorrect = baselineOnlyCorrect;
        CurrentOnlyCorrect = currentOnlyCorrect;
        this.ordered = ordered;
    }

    /// <summary>Items with a value on both sides.</summary>
    public int Matched { get; }

    public int CurrentOnly { get; }

    public int BaselineOnly { get; }

    /// <summary>True when every matched value, on both sides, is 0 or 1.</summary>
    public bool ZeroOne { get; }

    /// <summary>Matched items at 1 in the baseline and 0 now.</summary>
    public int BaselineOnlyCorrect { get; }

    /// <summary>Matched items at 0 in the baseline and 1 now.</summary>
    public int CurrentOnlyCorrect { get; }

    /// <summary>The matched values, current and baseline, in the ordinal order of their ids.</summary>
    public (double[] Current, double[] Baseline) InIdOrder() => ordered();

    public static ItemPairing Match(IReadOnlyDictionary<string, double> current, IReadOnlyDictionary<string, double> baseline) =>
        current is ItemValueMap c && baseline is ItemValueMap b ? Match(c, b) : MatchByKeys(current, baseline);

    private static ItemPairing Match(ItemValueMap current, ItemValueMap baseline)
    {
        var (matched, zeroOne, baselineOnly, currentOnly) = (0, true, 0, 0);
        var column = current.Column;
        for (var i = 0; i < column.Length; i++)
        {
            if (Partner(current, baseline, i) is not { } j)
            {
                continue;
            }

            var (c, b) = (column.Value(i), baseline.Column.Value(j));
            matched++;
            zeroOne &= c is 0 or 1 && b is 0 or 1;
            baselineOnly += b == 1 && c == 0 ? 1 : 0;
            currentOnly += b == 0 && c == 1 ? 1 : 0;
        }

        return new ItemPairing(matched, current.Count, baseline.Count, zeroOne, baselineOnly, currentOnly, () => InIdOrder(current, baseline, matched));
    }

    private static (double[] Current, double[] Baseline) InIdOrder(ItemValueMap current, ItemValueMap baseline, int matched)
    {
        var positions = new int[matched];
        var partners = new int[matched];
        var n = 0;
        for (var i = 0; i < current.Column.Length; i++)
        {
            if (Partner(current, baseline, i) is { } j)
            {
                (positions[n], partners[n]) = (i, j);
                n++;
            }
        }

        var ids = current.Ids;
        Array.Sort(positions, partners, Comparer<int>.Create(ids.CompareOrdinal));
        var c = new double[matched];
        var b = new double[matched];
        for (var k = 0; k < matched; k++)
        {
            c[k] = current.Column.Value(positions[k]);
            b[k] = baseline.Column.Value(partners[k]);
        }

        return (c, b);
    }

    /// <summary>The baseline position of the current item at <paramref name="i"/> when both have a value.</summary>
    private static int? Partner(ItemValueMap current, ItemValueMap baseline, int i)
    {
        if (!current.Column.Has(i))
        {
            return null;
        }

        var j = baseline.Ids.Extends(current.Ids) ? i : baseline.Ids.Find(current.Ids.Utf8(i));
        return j >= 0 && baseline.Column.Has(j) ? j : null;
    }

    private static ItemPairing MatchByKeys(IReadOnlyDictionary<string, double> current, IReadOnlyDictionary<string, double> baseline)
    {
        var ids = current.Keys.Where(baseline.ContainsKey).Order(StringComparer.Ordinal).ToList();
        var c = ids.Select(id => current[id]).ToArray();
        var b = ids.Select(id => baseline[id]).ToArray();
        var zeroOne = c.Concat(b).All(v => v is 0 or 1);
        var baselineOnly = ids.Count(id => baseline[id] == 1 && current[id] == 0);
        var currentOnly = ids.Count(id => baseline[id] == 0 && current[id] == 1);
        return new ItemPairing(ids.Count, current.Count, baseline.Count, zeroOne, baselineOnly, currentOnly, () => (c, b));
    }
}
