using YamlDotNet.RepresentationModel;

namespace Gates.Testing.Permissions;

/// <summary>
/// The permissions docs/permissions.md gives, read the way a user copies them: the YAML block after
/// <c>&lt;!-- permissions: github NAME --&gt;</c> (a job's <c>permissions:</c>) and the table after
/// <c>&lt;!-- permissions: gitlab --&gt;</c> (job | token scope | role).
/// </summary>
public static class DocumentedPermissions
{
    public static string Page => RepositoryPaths.Of("docs", "permissions.md");

    public static IReadOnlyDictionary<string, string> GitHub(string name)
    {
        var lines = File.ReadAllLines(Page);
        var marker = Array.IndexOf(lines, $"<!-- permissions: github {name} -->");
        if (marker < 0 || lines[marker + 1] != "```yaml")
        {
            throw new InvalidOperationException($"{Page}: no yaml block after <!-- permissions: github {name} -->");
        }

        var block = string.Join("\n", lines.Skip(marker + 2).TakeWhile(l => l != "```"));
        var stream = new YamlStream();
        stream.Load(new StringReader(block));
        var permissions = KubernetesRole.Map((YamlMappingNode)stream.Documents[0].RootNode, "permissions")
            ?? throw new InvalidOperationException($"{Page}: the github {name} block has no permissions:");
        return permissions.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!, StringComparer.Ordinal);
    }

    /// <summary>The scopes and role of the GitLab table row whose first cell starts with <paramref name="job"/>.</summary>
    public static (IReadOnlyList<string> Scopes, string Role) GitLab(string job)
    {
        var lines = File.ReadAllLines(Page);
        var marker = Array.IndexOf(lines, "<!-- permissions: gitlab -->");
        var row = lines.Skip(marker + 1).TakeWhile(l => l.StartsWith('|')).Skip(2)
            .Select(l => l.Trim('|').Split('|').Select(c => c.Trim()).ToArray())
            .SingleOrDefault(cells => cells[0].StartsWith(job, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"{Page}: no GitLab row for {job}");
        return ([.. row[1].Split(',').Select(s => s.Trim().Trim('`'))], row[2]);
    }
}
