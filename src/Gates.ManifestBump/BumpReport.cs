using System.Text.Json.Nodes;
using Gates.Core.Results;
using Gates.ManifestBump.Promotion;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump;

/// <summary>The gate report of a manifest-bump run: one check per target value, the diff and the PR in details.</summary>
internal static class BumpReport
{
    public static IReadOnlyList<CheckResult> Checks(BumpResult result) => [.. result.Changes.Select(c => new CheckResult
    {
        Name = $"{c.File}: {c.Target}",
        Verdict = c.Status == ChangeStatus.Held ? Verdict.Warn : Verdict.Pass,
        Reason = c.Status switch
        {
            ChangeStatus.Changed => $"{c.OldValue} → {c.NewValue} (line {c.Line}){(c.Note is null ? "" : "; " + c.Note)}",
            ChangeStatus.Unchanged => $"already {c.NewValue} (line {c.Line})",
            _ => $"not changed from {c.OldValue}: {c.Note}",
        },
    })];

    public static string Summary(string outcome, BumpResult result, ChangeRequest? pr)
    {
        var changed = result.Changes.Count(c => c.Status == ChangeStatus.Changed);
        var held = result.Changes.Count(c => c.Status == ChangeStatus.Held);
        var files = result.Files.Count(f => f.Changed);
        var text = outcome switch
        {
            "conflict" => "conflict: the branch kept moving; nothing was promoted",
            "nothing-to-promote" or "unchanged" when held > 0 && changed == 0 => $"held: {held} target(s) carry a hold; nothing changed",
            "nothing-to-promote" => "no change needed: the manifests already pin these values",
            "unchanged" => "no change needed: the pull-request branch already has these values",
            "dry-run" => $"dry run: would change {changed} value(s) in {files} file(s)",
            _ => $"changed {changed} value(s) in {files} file(s)",
        };
        return pr is null ? text : $"{text}; pull request #{pr.Number} {pr.Url}";
    }

    public static JsonObject Details(string outcome, BumpInputs inputs, BumpResult result, ChangeRequest? pr, string? branch, int attempts) => new()
    {
        ["outcome"] = outcome,
        ["version"] = inputs.Version,
        ["previousVersion"] = result.PreviousVersion,
        ["source"] = inputs.Source,
        ["mlflowAlias"] = inputs.MlflowAlias,
        ["branch"] = branch,
        ["attempts"] = attempts,
        ["pullRequest"] = pr is null ? null : new JsonObject { ["number"] = pr.Number, ["url"] = pr.Url },
        ["changes"] = new JsonArray([.. result.Changes.Select(c => (JsonNode)new JsonObject
        {
            ["file"] = c.File,
            ["target"] = c.Target,
            ["line"] = c.Line,
            ["old"] = c.OldValue,
            ["new"] = c.NewValue,
            ["status"] = c.Status.ToString().ToLowerInvariant(),
            ["note"] = c.Note,
        })]),
        ["diff"] = result.Diff(),
        ["evidence"] = new JsonArray([.. inputs.Evidence.Select(e => (JsonNode)new JsonObject { ["path"] = e.Path, ["sha256"] = e.Sha256, ["tool"] = e.Tool, ["verdict"] = e.Verdict })]),
    };
}
