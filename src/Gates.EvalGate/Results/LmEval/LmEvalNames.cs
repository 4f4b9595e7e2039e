namespace Gates.EvalGate.Results.LmEval;

/// <summary>
/// Maps the names users write onto lm-eval's "&lt;task&gt;.&lt;metric&gt;,&lt;filter&gt;": a leading "results." or
/// "groups." is dropped, and a name without a filter means the "none" filter ("hellaswag.acc" is "hellaswag.acc,none");
/// in lm-eval 0.3 files, which have no filters, "hellaswag.acc,none" finds "hellaswag.acc".
/// </summary>
internal static class LmEvalNames
{
    public static string? Resolve(string metric, MetricTable table)
    {
        foreach (var candidate in Candidates(metric))
        {
            if (table.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static IEnumerable<string> Candidates(string metric)
    {
        foreach (var name in WithoutSection(metric))
        {
            yield return name;
            var lastDot = name.LastIndexOf('.');
            if (name.IndexOf(',', lastDot + 1) < 0)
            {
                yield return name + ",none";
            }
            else if (name.EndsWith(",none", StringComparison.Ordinal))
            {
                yield return name[..^",none".Length];
            }
        }
    }

    private static IEnumerable<string> WithoutSection(string metric)
    {
        yield return metric;
        foreach (var section in new[] { "results.", "groups." })
        {
            if (metric.StartsWith(section, StringComparison.Ordinal))
            {
                yield return metric[section.Length..];
            }
        }
    }
}
