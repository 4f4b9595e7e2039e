namespace Gates.Core.Statistics;

/// <summary>
/// Item-level statistics for repeated runs: repeats of one item are not independent evidence, so each item gives one
/// value in [0, 1] and the item, not the run, is the unit of the interval.
/// </summary>
public static class RepeatedItems
{
    /// <summary>The item's value under the rule, in [0, 1].</summary>
    public static double Value(ItemRuns item, PerItemRule rule)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(rule);
        Require.Count(item.Runs, 1, $"runs of item '{item.Id}'");
        if (item.Passes < 0 || item.Passes > item.Runs)
        {
            throw new ArgumentException($"item '{item.Id}' has {item.Passes} passes in {item.Runs} runs", nameof(item));
        }

        if (rule.Kind is PerItemKind.AtLeast or PerItemKind.PassAt or PerItemKind.PassAll && rule.K < 1)
        {
            throw new ArgumentException($"per_item {rule} needs k of at least 1", nameof(rule));
        }

        if (rule.Kind is PerItemKind.PassAt or PerItemKind.PassAll && item.Runs < rule.K)
        {
            throw new ArgumentException($"per_item {rule} needs at least {rule.K} runs per item, but item '{item.Id}' has {item.Runs}", nameof(rule));
        }

        return rule.Kind switch
        {
            PerItemKind.All => item.Passes == item.Runs ? 1 : 0,
            PerItemKind.Any => item.Passes > 0 ? 1 : 0,
            PerItemKind.AtLeast => item.Passes >= rule.K ? 1 : 0,
            PerItemKind.PassAt => 1 - ChooseRatio(item.Runs - item.Passes, item.Runs, rule.K),
            PerItemKind.PassAll => ChooseRatio(item.Passes, item.Runs, rule.K),
            PerItemKind.Flaky => item.Flaky ? 1 : 0,
            _ => item.Share,
        };
    }

    /// <summary>
    /// The mean of the item values and its interval: a Wilson interval over the items with the sum of the item
    /// values as successes. With every item deterministic it is the Wilson interval of k passing items of n; values
    /// in between only narrow the true variance (a value in [0, 1] with mean p has variance at most p(1 − p)), so the
    /// interval never claims more than the items show, however many runs each has.
    /// </summary>
    public static (double Mean, double Sum, Results.Interval Interval) Summarise(IReadOnlyList<ItemRuns> items, PerItemRule rule, double level)
    {
        if (items.Count == 0)
        {
            throw new ArgumentException("no items", nameof(items));
        }

        var sum = items.Sum(i => Value(i, rule));
        return (sum / items.Count, sum, ProportionInterval.WilsonShares(sum, items.Count, level));
    }

    /// <summary>The items ordered worst first for the rule's direction: lowest share of passes first (most flaky first for flaky).</summary>
    public static IEnumerable<ItemRuns> WorstFirst(IEnumerable<ItemRuns> items, PerItemRule rule) => rule.Kind == PerItemKind.Flaky
        ? items.OrderByDescending(i => i.Flaky).ThenBy(i => Math.Abs(i.Share - 0.5)).ThenBy(i => i.Id, StringComparer.Ordinal)
        : items.OrderBy(i => i.Share).ThenByDescending(i => i.Runs).ThenBy(i => i.Id, StringComparer.Ordinal);

    /// <summary>C(a, k)/C(n, k) as a product, 0 when a &lt; k.</summary>
    private static double ChooseRatio(int a, int n, int k)
    {
        var ratio = 1.0;
        for (var i = 0; i < k; i++)
        {
            if (a - i <= 0)
            {
                return 0;
            }

            ratio *= (double)(a - i) / (n - i);
        }

        return ratio;
    }
}
