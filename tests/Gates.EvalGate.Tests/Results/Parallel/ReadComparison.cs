using System.Globalization;
using System.Text;
using Gates.EvalGate.Results;
using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Tests.Results.Parallel;

/// <summary>Reads a file sequentially and in parallel with one buffer size and describes each result as text to compare.</summary>
internal static class ReadComparison
{
    private static readonly string[] AlsoAsked = ["id", "answer", "refs", "tokens", "missing"];

    public static (string Sequential, string Parallel) Both(string path, ReadOptions options, int bufferSize) =>
        (Describe(path, options, new JsonlReadMode(bufferSize, Parallel: false)),
         Describe(path, options, new JsonlReadMode(bufferSize, Parallel: true)));

    public static string Describe(string path, ReadOptions options, JsonlReadMode mode)
    {
        IEvalResults results;
        try
        {
            results = JsonlReader.Read(path, options, mode);
        }
        catch (Exception e)
        {
            return $"{e.GetType().Name}: {e.Message}";
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{results.Format} {results.Sha256}");
        foreach (var warning in results.Warnings)
        {
            text.AppendLine(warning);
        }

        foreach (var name in results.MetricNames.Concat(AlsoAsked))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{name}: {results.Find(name)}");
            if (results.ItemValues(name) is { } items)
            {
                text.AppendLine(string.Join(",", items.OrderBy(i => i.Key, StringComparer.Ordinal).Select(i => string.Create(CultureInfo.InvariantCulture, $"{i.Key}={i.Value:R}"))));
            }

            if (results.ItemRuns(name) is { } runs)
            {
                text.AppendLine(string.Join(",", runs.Select(r => $"{r.Id}:{r.Runs}/{r.Passes}")));
            }
        }

        return text.ToString();
    }
}
