using Gates.EvalGate.Results;

namespace Gates.EvalGate;

/// <summary>Every metric the baseline reports must also be in the current results, or the comparison is not like for like.</summary>
internal static class BaselineCompleteness
{
    public static IEnumerable<string> Check(IReadOnlyList<IEvalResults> current, IReadOnlyList<IEvalResults> baseline)
    {
        var present = current.SelectMany(r => r.MetricNames).ToHashSet(StringComparer.Ordinal);
        foreach (var file in baseline)
        {
            var absent = file.MetricNames.Where(m => !present.Contains(m)).ToList();
            if (absent.Count > 0)
            {
                var shown = string.Join(", ", absent.Take(10)) + (absent.Count > 10 ? $" and {absent.Count - 10} more" : "");
                yield return $"{file.Path}: baseline metrics absent from the current results: {shown}";
            }
        }
    }
}
