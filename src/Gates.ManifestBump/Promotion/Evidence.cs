using System.Text.Json;
using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.ManifestBump.Promotion;

/// <summary>A gate report given with <c>--evidence</c>: its digest and, when it is a Gates report, its verdict.</summary>
public sealed record Evidence(string Path, string Sha256, string? Tool, string? Verdict, string? Summary)
{
    public static Evidence Read(string path)
    {
        var content = InputFiles.ReadAll(path, "evidence file");
        var bytes = content.Utf8();
        var sha = content.Sha256;
        try
        {
            var root = JsonDocument.Parse(bytes).RootElement;
            var tool = root.TryGetProperty("tool", out var t) && t.ValueKind == JsonValueKind.Object && t.TryGetProperty("name", out var n) ? n.GetString() : null;
            var verdict = root.TryGetProperty("verdict", out var v) ? v.ToString().ToLowerInvariant() : null;
            var summary = root.TryGetProperty("summary", out var s) ? s.GetString() : null;
            return new Evidence(path, sha, tool, verdict, summary);
        }
        catch (JsonException)
        {
            return new Evidence(path, sha, null, null, null);
        }
    }
}
