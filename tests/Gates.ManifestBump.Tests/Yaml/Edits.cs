using Gates.ManifestBump.Editing;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Tests.Yaml;

/// <summary>Short ways to run the editor on inline YAML.</summary>
internal static class Edits
{
    public static FileEdit Run(string yaml, params EditRequest[] requests) =>
        ManifestEditor.Apply("m.yaml", new ManifestText(yaml, false), requests);

    public static string Text(string yaml, params EditRequest[] requests) => Run(yaml, requests).After.Text;

    public static SetPath Set(string path, string value, string? select = null) =>
        new(ObjectSelector.Parse(select), YamlPath.Parse(path), value);

    /// <summary>The lines that differ between two texts of the same line count, as "line: old → new".</summary>
    public static IReadOnlyList<string> ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        a.Length.ShouldBe(b.Length, "the edit changed the number of lines");
        return [.. Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).Select(i => $"{i + 1}: {a[i]} → {b[i]}")];
    }
}
