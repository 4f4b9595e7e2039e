using System.Text;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Promotion;

/// <summary>Title, commit message (with trailers) and pull-request body of a promotion.</summary>
internal static class PromotionText
{
    public const string Marker = "<!-- gates:" + ManifestBumpCommand.Name;

    public static string Title(BumpInputs inputs, BumpResult result)
    {
        var subject = inputs.Model ?? "manifests";
        var env = inputs.Environment is null ? "" : $" → {inputs.Environment}";
        var version = inputs.Version is null ? "" : $": {(result.PreviousVersion is { } p ? $"{p} → " : "")}{inputs.Version}";
        return $"promote({subject}{env}){version}";
    }

    public static string CommitMessage(BumpInputs inputs, BumpResult result)
    {
        var text = new StringBuilder(Title(inputs, result)).Append("\n\n");
        foreach (var change in result.Changes.Where(c => c.Status == ChangeStatus.Changed))
        {
            text.Append($"- {change.File}: {change.Target}: {change.OldValue} → {change.NewValue}\n");
        }

        text.Append('\n');
        foreach (var (key, value) in Trailers(inputs, result))
        {
            text.Append(key).Append(": ").Append(value).Append('\n');
        }

        return text.ToString();
    }

    public static IEnumerable<(string Key, string Value)> Trailers(BumpInputs inputs, BumpResult result)
    {
        if (inputs.Model is { } model)
        {
            yield return ("Model", model);
        }

        if (inputs.Version is { } version)
        {
            yield return ("Model-Version", version);
        }

        if (inputs.Source is { } source)
        {
            yield return ("Model-Source", source);
        }

        if (result.PreviousVersion is { } previous)
        {
            yield return ("Previous-Version", previous);
        }

        if (inputs.Environment is { } env)
        {
            yield return ("Environment", env);
        }

        foreach (var evidence in inputs.Evidence)
        {
            yield return ("Evidence-Sha256", $"{evidence.Sha256} {Path.GetFileName(evidence.Path)}");
            if (evidence is { Tool: { } tool, Verdict: { } verdict })
            {
                yield return ("Gate-Verdict", $"{tool}={verdict}");
            }
        }
    }

    public static string PullRequestBody(BumpInputs inputs, BumpResult result, string? supersedes)
    {
        var text = new StringBuilder();
        var superseded = supersedes is null || supersedes == inputs.Version ? "" : $" supersedes={supersedes}";
        text.Append($"{Marker} model={inputs.Model} environment={inputs.Environment} version={inputs.Version}{superseded} -->\n");
        text.Append($"## {Title(inputs, result)}\n\n");
        if (inputs.MlflowAlias is { } alias)
        {
            text.Append($"Resolved from MLflow alias `{alias}` to version `{inputs.Version}`{(inputs.Source is null ? "" : $" (`{inputs.Source}`)")}.\n\n");
        }

        if (supersedes is not null && supersedes != inputs.Version)
        {
            text.Append($"Supersedes the earlier candidate `{supersedes}` that this pull request proposed.\n\n");
        }

        text.Append("| file | target | previous | new |\n| --- | --- | --- | --- |\n");
        foreach (var change in result.Changes)
        {
            var status = change.Status == ChangeStatus.Held ? $" (held: {change.Note})" : change.Status == ChangeStatus.Unchanged ? " (already set)" : "";
            text.Append($"| `{change.File}` | `{change.Target}` | `{change.OldValue}` | `{change.NewValue}`{status} |\n");
        }

        if (result.PreviousVersion is { } previous)
        {
            text.Append($"\nPrevious version: `{previous}` (roll back by pinning it again).\n");
        }

        if (inputs.Evidence.Count > 0)
        {
            text.Append("\n### Evidence\n\n| report | verdict | summary | sha256 |\n| --- | --- | --- | --- |\n");
            foreach (var e in inputs.Evidence)
            {
                text.Append($"| {e.Tool ?? Path.GetFileName(e.Path)} | {e.Verdict ?? "-"} | {e.Summary ?? "-"} | `{e.Sha256}` |\n");
            }
        }

        text.Append("\n<details><summary>Diff</summary>\n\n```diff\n").Append(result.Diff()).Append("```\n\n</details>\n");
        return text.ToString();
    }

    /// <summary>
    /// Which earlier candidate a new body should name as superseded: the version the open pull request proposes
    /// when it differs, else what that body already named (so repeating a run leaves the body as it is).
    /// </summary>
    public static string? Superseded(string? existingBody, string? version)
    {
        var proposed = MarkerValue(existingBody, "version");
        return proposed is not null && proposed != version ? proposed : MarkerValue(existingBody, "supersedes");
    }

    /// <summary>A key=value from the hidden marker an earlier run wrote into a pull-request body.</summary>
    public static string? MarkerValue(string? body, string name)
    {
        if (body is null || body.IndexOf(Marker, StringComparison.Ordinal) is var at && at < 0)
        {
            return null;
        }

        var end = body.IndexOf("-->", at, StringComparison.Ordinal);
        var marker = end > at ? body[at..end] : body[at..];
        var key = marker.IndexOf($" {name}=", StringComparison.Ordinal);
        return key < 0 ? null : marker[(key + name.Length + 2)..].Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
    }
}
