using System.Text.Json;
using Gates.EvalGate.Results;
using Gates.Testing;
using Xunit.Abstractions;

namespace Gates.EvalGate.Tests.Corpus;

/// <summary>Real result files in ../shared/corpus/eval-outputs (see its SOURCES.md), read by the tool and, independently, as plain JSON.</summary>
internal static class EvalOutputs
{
    public static IReadOnlyList<string> Files(string subfolder, ITestOutputHelper output) =>
        SharedCorpus.Files("eval-outputs", subfolder, output);

    public static string? File(string subfolder, string name, ITestOutputHelper output) =>
        SharedCorpus.Folder("eval-outputs", output) is { } root ? Path.Combine(root, subfolder, name) : null;

    public static IEvalResults Read(string path) => EvalResultsReader.Read(path, ResultsFormat.Auto, ReadOptions.Default);

    public static JsonDocument Json(string path) => JsonDocument.Parse(System.IO.File.ReadAllBytes(path));

    /// <summary>The lines of a JSONL file, each parsed on its own.</summary>
    public static List<JsonElement> Lines(string path) =>
        [.. System.IO.File.ReadLines(path).Where(l => l.Trim().Length > 0).Select(l => JsonDocument.Parse(l).RootElement)];
}
