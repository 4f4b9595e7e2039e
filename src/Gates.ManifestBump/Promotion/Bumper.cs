using Gates.ManifestBump.Planning;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Promotion;

/// <summary>The outcome of applying a run's targets to one set of files (working tree or a commit).</summary>
internal sealed record BumpResult(IReadOnlyList<FileEdit> Files, string? PreviousVersion)
{
    public IEnumerable<ChangeRecord> Changes => Files.SelectMany(f => f.Changes);

    public bool AnyChanged => Files.Any(f => f.Changed);

    public bool AllHeld => Changes.Any() && Changes.All(c => c.Status == ChangeStatus.Held);

    public string Diff(string oldPrefix = "a/", string newPrefix = "b/") => string.Concat(Files.Where(f => f.Changed)
        .Select(f => UnifiedDiff.Of(f.Before.Text, f.After.Text, oldPrefix + f.File, newPrefix + f.File)));
}

/// <summary>Applies every target to the files a reader returns; files are grouped so each is edited once.</summary>
internal static class Bumper
{
    public static BumpResult Apply(BumpInputs inputs, Func<string, ManifestText> read)
    {
        var edits = inputs.Targets.GroupBy(t => t.File, StringComparer.Ordinal)
            .Select(g => ManifestEditor.Apply(g.Key, read(g.Key), [.. g.SelectMany(t => t.Requests)]))
            .ToList();
        return new BumpResult(edits, PreviousVersion(inputs, edits));
    }

    /// <summary>The version the first changed target held before, read through its template when it has {{version}}.</summary>
    private static string? PreviousVersion(BumpInputs inputs, IReadOnlyList<FileEdit> edits)
    {
        var templates = inputs.Templates.GroupBy(t => t.File, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(t => t.Requests).SelectMany(TemplateValues).ToList(), StringComparer.Ordinal);
        foreach (var edit in edits)
        {
            var values = templates.GetValueOrDefault(edit.File) ?? [];
            for (var i = 0; i < edit.Changes.Count; i++)
            {
                var change = edit.Changes[i];
                if (change.Status == ChangeStatus.Held)
                {
                    continue;
                }

                var template = i < values.Count ? values[i] : null;
                return template is null ? change.OldValue : Template.VersionIn(template, change.OldValue, inputs.Values) ?? change.OldValue;
            }
        }

        return null;
    }

    private static IEnumerable<string> TemplateValues(Editing.EditRequest request) => request switch
    {
        Editing.SetKustomizeImage k => k.Fields.Select(f => f.Value),
        Editing.SetPath p => [p.Value],
        Editing.SetField f => [f.Value],
        Editing.SetContainerImage c => [c.Value],
        _ => [],
    };
}
