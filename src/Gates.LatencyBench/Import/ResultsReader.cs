using System.Security.Cryptography;
using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Text;

namespace Gates.LatencyBench.Import;

/// <summary>
/// Reads a results file of any supported tool, detected by shape: latency-bench, vLLM bench serve (JSON or the
/// JSON lines of --append-result), genai-perf / AIPerf, guidellm and k6. A file with several runs needs
/// <c>--entry N</c> (1-based), except vLLM JSON lines, where the last (newest) record is the default.
/// </summary>
internal static class ResultsReader
{
    public static LatencyResults Read(string path, int? entry = null, string entryFlag = "--entry")
    {
        var content = InputFiles.ReadAll(path, "results file");
        content.Utf8();
        var bytes = content.Bytes;
        var sha = content.Sha256;
        var records = Parse(bytes, path);
        return JsonShape.Read(path, "results file", () => Read(records, path, sha, entry, entryFlag));
    }

    private static LatencyResults Read(List<JsonElement> records, string path, string sha, int? entry, string entryFlag)
    {
        if (records.Count > 1)
        {
            return ReadLines(records, path, sha, entry, entryFlag);
        }

        var root = records[0];
        if (GuidellmImporter.Matches(root))
        {
            var count = GuidellmImporter.Count(root);
            if (count == 0)
            {
                throw new GateInputException($"{path}: the guidellm report has no benchmarks");
            }

            if (count > 1 && entry is null)
            {
                throw new GateInputException($"{path}: the guidellm report has {count} benchmarks; choose one with --entry 1..{count}");
            }

            return GuidellmImporter.Read(root, path, sha, Index(entry ?? 1, count, path, entryFlag));
        }

        if (entry is { } e2 && e2 != 1)
        {
            throw new GateInputException($"{path}: --entry {e2}: the file holds a single result");
        }

        return ReadOne(root, path, sha);
    }

    private static LatencyResults ReadOne(JsonElement root, string path, string sha)
    {
        if (NativeImporter.Matches(root))
        {
            return NativeImporter.Read(root, path, sha);
        }

        if (Tuning.SweepImporter.Matches(root))
        {
            return Tuning.SweepImporter.Read(root, path, sha);
        }

        if (VllmImporter.Matches(root))
        {
            return VllmImporter.Read(root, path, sha);
        }

        if (GenAiPerfImporter.Matches(root))
        {
            return GenAiPerfImporter.Read(root, path, sha);
        }

        if (K6Importer.Matches(root))
        {
            return K6Importer.Read(root, path, sha);
        }

        throw new GateInputException(
            $"{path}: not a results file of a known tool (latency-bench, vLLM bench serve, genai-perf/AIPerf profile export, guidellm benchmarks.json, k6 summary)");
    }

    private static LatencyResults ReadLines(List<JsonElement> records, string path, string sha, int? entry, string entryFlag)
    {
        var index = Index(entry ?? records.Count, records.Count, path, entryFlag);
        var result = ReadOne(records[index], path, sha);
        var note = $"the file holds {records.Count} results (JSON lines); gating record {index + 1}{(entry is null ? $" (the last; choose with {entryFlag})" : "")}";
        return result with { Format = result.Format + " (jsonl)", Warnings = [.. result.Warnings, note] };
    }

    private static int Index(int entry, int count, string path, string entryFlag) =>
        entry >= 1 && entry <= count ? entry - 1 : throw new GateInputException($"{path}: {entryFlag} {entry} is outside 1..{count}");

    /// <summary>One JSON document, or several concatenated / one per line (vLLM --append-result).</summary>
    private static List<JsonElement> Parse(byte[] bytes, string path)
    {
        var records = new List<JsonElement>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (true)
            {
                if (!reader.Read())
                {
                    break;
                }

                using var doc = JsonDocument.ParseValue(ref reader);
                if (doc.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new GateInputException($"{path}: expected JSON objects, found {doc.RootElement.ValueKind}");
                }

                records.Add(doc.RootElement.Clone());
            }
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path}:{JsonErrors.Line(e)}: {JsonErrors.Describe(e)}");
        }

        return records.Count > 0 ? records : throw new GateInputException($"{path}: the file is empty");
    }
}
