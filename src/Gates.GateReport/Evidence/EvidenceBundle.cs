using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Cli.Comments;
using Gates.Core.Results;

namespace Gates.GateReport.Evidence;

/// <summary>
/// The promotion evidence bundle (docs/gate-report.md): one JSON object whose fields always appear, in a fixed
/// order, with null for what is not known, and whose lists are sorted, so two bundles diff line by line.
/// </summary>
internal static class EvidenceBundle
{
    public const string Kind = "gates-evidence";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(JsonObject bundle) => bundle.ToJsonString(Options) + "\n";

    public static JsonObject Build(Core.Results.GateReport merged, IReadOnlyList<LoadedReport> reports, IReadOnlyList<NamedFile> files,
        CiRun run, string host, DateTimeOffset generatedAt) => new()
    {
        ["schemaVersion"] = 1,
        ["kind"] = Kind,
        ["verdict"] = merged.Verdict.ToWord(),
        ["subject"] = Subject(merged.Subject),
        ["run"] = new JsonObject
        {
            ["host"] = host,
            ["repository"] = run.Repository,
            ["commit"] = run.Commit ?? merged.Subject.Commit,
            ["url"] = run.RunUrl,
            ["triggeredBy"] = run.TriggeredBy,
            ["approvedBy"] = run.ApprovedBy,
        },
        ["generatedAt"] = generatedAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        ["tools"] = Tools(merged, reports),
        ["reports"] = new JsonArray([.. reports.OrderBy(r => r.Path, StringComparer.Ordinal).Select(Report)]),
        ["files"] = new JsonArray([.. files.Select(File)]),
        ["registryActions"] = RegistryActions.From(reports),
    };

    private static JsonObject Subject(Subject subject) => new()
    {
        ["model"] = subject.Model,
        ["version"] = subject.Version,
        ["commit"] = subject.Commit,
    };

    private static JsonArray Tools(Core.Results.GateReport merged, IReadOnlyList<LoadedReport> reports) =>
        new([.. reports.Select(r => r.Report.Tool).Append(merged.Tool)
            .Distinct()
            .OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Version, StringComparer.Ordinal)
            .Select(t => (JsonNode)new JsonObject { ["name"] = t.Name, ["version"] = t.Version })]);

    private static JsonNode Report(LoadedReport loaded)
    {
        var r = loaded.Report;
        return new JsonObject
        {
            ["path"] = loaded.Path,
            ["sha256"] = loaded.Sha256,
            ["tool"] = r.Tool.Name,
            ["toolVersion"] = r.Tool.Version,
            ["verdict"] = r.Verdict.ToWord(),
            ["summary"] = r.Summary,
            ["startedAt"] = r.StartedAt.ToString("yyyy-MM-dd'T'HH:mm:ssK", CultureInfo.InvariantCulture),
            ["subject"] = Subject(r.Subject),
            ["thresholds"] = r.Thresholds is { } t ? new JsonObject { ["path"] = t.Path, ["sha256"] = t.Sha256 } : null,
            ["checks"] = new JsonArray([.. r.Checks.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["verdict"] = c.Verdict.ToWord(),
                ["required"] = c.Required,
            })]),
        };
    }

    private static JsonNode File(NamedFile file) => new JsonObject
    {
        ["role"] = file.Role,
        ["path"] = file.Path,
        ["sha256"] = file.Sha256,
        ["namedBy"] = new JsonArray([.. file.NamedBy.Order(StringComparer.Ordinal).Select(n => (JsonNode)JsonValue.Create(n))]),
        ["onDisk"] = file.OnDisk,
    };
}
