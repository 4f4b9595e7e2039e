using Gates.ManifestBump.Editing;

namespace Gates.ManifestBump.Yaml;

public enum ChangeStatus
{
    Changed,
    Unchanged,
    Held,
}

/// <summary>What happened to one planned scalar edit.</summary>
public sealed record ChangeRecord(string File, string Target, int Line, string OldValue, string NewValue, ChangeStatus Status)
{
    public string? Note { get; init; }
}

/// <summary>The edited text of one file and what happened to each target in it.</summary>
internal sealed record FileEdit(string File, ManifestText Before, ManifestText After, IReadOnlyList<ChangeRecord> Changes)
{
    public bool Changed => Before.Text != After.Text;
}

/// <summary>
/// Applies edit requests to one manifest: plan each, then for every scalar find it again in the current text,
/// honour holds, splice the new value and prove the result by re-parsing.
/// </summary>
internal static class ManifestEditor
{
    public static FileEdit Apply(string file, ManifestText manifest, IReadOnlyList<EditRequest> requests)
    {
        var text = manifest.Text;
        var changes = new List<ChangeRecord>();
        foreach (var request in requests)
        {
            foreach (var plan in request.Plan(YamlTreeReader.Read(text, file), file))
            {
                (text, var change) = ApplyOne(file, text, plan);
                changes.Add(change);
            }
        }

        return new FileEdit(file, manifest, manifest.With(text), changes);
    }

    /// <summary>Finds the planned scalar again in <paramref name="text"/>, then holds, skips or splices and verifies.</summary>
    public static (string Text, ChangeRecord Change) ApplyOne(string file, string text, PlannedEdit plan)
    {
        var documents = YamlTreeReader.Read(text, file);
        var where = $"{file}: {plan.Label}";
        var target = PathResolver.Require(documents[plan.Document], plan.Path, where);
        var line = target.Scalar.Start.Line;
        var old = target.Scalar.Value;
        if (HoldMarkers.Find(text, target) is { } hold)
        {
            return (text, new ChangeRecord(file, plan.Label, line, old, plan.Value, ChangeStatus.Held) { Note = $"held by {hold}" });
        }

        if (old == plan.Value)
        {
            return (text, new ChangeRecord(file, plan.Label, line, old, plan.Value, ChangeStatus.Unchanged));
        }

        var splice = ScalarSplicer.Apply(text, target.Scalar, plan.Value, where);
        EditVerifier.Verify(documents, splice.Text, target, plan.Value, where);
        return (splice.Text, new ChangeRecord(file, plan.Label, line, old, plan.Value, ChangeStatus.Changed) { Note = splice.Note });
    }
}
