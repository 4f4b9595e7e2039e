using System.Text.Json;
using Gates.Core;
using Gates.Core.Text;
using Gates.EvalGate.Results.Json;
using Gates.EvalGate.Results.Jsonl;
using Gates.EvalGate.Results.LmEval;
using Gates.EvalGate.Results.OpenAiEvals;
using Gates.EvalGate.Results.Promptfoo;

namespace Gates.EvalGate.Results;

/// <summary>Reads an evaluation-results file in the named format, or detects the format from its shape.</summary>
public static class EvalResultsReader
{
    public static IEvalResults Read(string path, ResultsFormat format, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        if (format == ResultsFormat.Auto && FormatDetector.IsLineDelimited(path))
        {
            format = FormatDetector.LineFormat(path);
        }

        return format switch
        {
            ResultsFormat.Jsonl => JsonlReader.Read(path, options),
            ResultsFormat.OpenAiEvals => OpenAiEvalsReader.Read(path, options),
            _ => ReadDocument(path, format, options),
        };
    }

    private static IEvalResults ReadDocument(string path, ResultsFormat format, ReadOptions options)
    {
        var (bytes, sha256) = ResultsFile.ReadAll(path);
        var document = Parse(path, bytes);
        var root = document.RootElement;
        if (format == ResultsFormat.Auto)
        {
            format = FormatDetector.DocumentFormat(root);
        }

        return format switch
        {
            ResultsFormat.LmEval => LmEvalReader.Read(path, sha256, root),
            ResultsFormat.Promptfoo => PromptfooReader.Read(path, sha256, root, options),
            _ => JsonMetricResults.Create(path, sha256, document),
        };
    }

    private static JsonDocument Parse(string path, byte[] bytes)
    {
        var json = ResultsFile.WithoutBom(bytes);
        if (ResultsFile.IsBlank(json.Span))
        {
            throw new GateInputException($"{path}: the results file is empty");
        }

        var quoted = NonFiniteTokens.Quote(json.Span);
        try
        {
            return JsonDocument.Parse(quoted is null ? json : quoted);
        }
        catch (JsonException e)
        {
            var hint = e.Message.Contains("after a single JSON value", StringComparison.Ordinal)
                ? " (one JSON object per line? use --results-format jsonl)"
                : "";
            throw new GateInputException($"{MetricProblem.Where(path, JsonErrors.Line(e))}: {JsonErrors.Describe(e)}{hint}");
        }
    }
}
