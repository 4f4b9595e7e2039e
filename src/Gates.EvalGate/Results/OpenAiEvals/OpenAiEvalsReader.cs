using System.Text.Json;
using Gates.Core;
using Gates.Core.Text;
using Gates.EvalGate.Results.Jsonl;

namespace Gates.EvalGate.Results.OpenAiEvals;

/// <summary>
/// openai/evals record JSONL (<c>oaieval --record_path</c>): a {"spec": …} line, one event per line, and a final
/// {"final_report": …} line. accuracy is recomputed from "match" events (successes and n, ids from sample_id)
/// and checked against the final report; "metrics" events give metrics.* means.
/// </summary>
internal static class OpenAiEvalsReader
{
    public static IEvalResults Read(string path, ReadOptions options)
    {
        var events = new OpenAiEvalsEvents(path, options.KeepItems);
        string sha256;
        long bytes;
        using (var lines = new JsonLines(path))
        {
            while (lines.TryRead(out var line))
            {
                using var document = Parse(path, line, lines.LineNumber);
                events.Add(document.RootElement, lines.LineNumber);
            }

            sha256 = lines.Sha256();
            bytes = lines.BytesRead;
        }

        if (bytes == 0)
        {
            throw new GateInputException($"{path}: the results file is empty");
        }

        if (events.Events == 0 && events.FinalReport is null)
        {
            throw new GateInputException($"{path}: no events and no final_report: nothing was evaluated");
        }

        var table = new MetricTable();
        var warnings = new List<string>();
        if (!events.HasSpec)
        {
            warnings.Add($"{path}: the first line is not a {{\"spec\": …}} line; the record may be incomplete");
        }

        OpenAiEvalsMetrics.AddTo(path, events, table, warnings);
        if (table.Count == 0)
        {
            throw new GateInputException($"{path}: no match events, metrics values or final_report values ({events.Describe()}{(events.FinalReport is null ? ", no final_report: the run stopped early" : "")})");
        }

        return new ComputedResults(path, "openai-evals", sha256, warnings, table);
    }

    private static JsonDocument Parse(string path, ReadOnlySpan<byte> line, long lineNumber)
    {
        var bytes = NonFiniteTokens.Quote(line) ?? line.ToArray();
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path}:{lineNumber}: {JsonErrors.Describe(e)}");
        }
    }
}
