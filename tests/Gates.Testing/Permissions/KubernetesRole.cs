using Gates.Testing.Fakes.Kubernetes;
using YamlDotNet.RepresentationModel;

namespace Gates.Testing.Permissions;

/// <summary>
/// A namespaced RBAC Role read from a manifest file, and the decision the RBAC authorizer makes with it: a request is
/// allowed when it is in the Role's namespace and one rule lists its API group, resource and verb ("*" matches any).
/// <see cref="Unused"/> names every granted (group, resource, verb) no request needed, so a test proves a Role exact.
/// </summary>
public sealed class KubernetesRole
{
    private KubernetesRole(string name, string ns, IReadOnlyList<RoleRule> rules)
    {
        Name = name;
        Namespace = ns;
        Rules = rules;
    }

    public string Name { get; }
    public string Namespace { get; }
    public IReadOnlyList<RoleRule> Rules { get; }

    /// <summary>The Role named <paramref name="name"/> among the documents of a multi-document YAML file.</summary>
    public static KubernetesRole Load(string file, string name)
    {
        var role = Documents(file).SingleOrDefault(d => Text(d, "kind") == "Role" && Text(Map(d, "metadata"), "name") == name)
            ?? throw new InvalidOperationException($"{file}: no Role named {name}");
        var rules = Sequence(role, "rules").OfType<YamlMappingNode>()
            .Select(r => new RoleRule(Words(r, "apiGroups"), Words(r, "resources"), Words(r, "verbs"))).ToList();
        return new KubernetesRole(name, Text(Map(role, "metadata"), "namespace") ?? "default", rules);
    }

    /// <summary>Every document of a multi-document YAML file that is a mapping.</summary>
    public static IReadOnlyList<YamlMappingNode> Documents(string file)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(file);
        stream.Load(reader);
        return [.. stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>()];
    }

    public bool Allows(KubernetesApiCall call) =>
        call.Namespace == Namespace && Rules.Any(r => r.Matches(call.Group, call.Resource, call.Verb));

    /// <summary>"group/resource verb" for every grant of the Role that none of <paramref name="calls"/> used.</summary>
    public IReadOnlyList<string> Unused(IEnumerable<KubernetesApiCall> calls)
    {
        var used = calls.ToList();
        return [.. Rules.SelectMany(r => r.Grants())
            .Where(g => !used.Any(c => new RoleRule([g.Group], [g.Resource], [g.Verb]).Matches(c.Group, c.Resource, c.Verb)))
            .Select(g => $"{g.Group}/{g.Resource} {g.Verb}")];
    }

    public static string? Text(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode s ? s.Value : null;

    public static YamlMappingNode? Map(YamlMappingNode? map, string key) =>
        map is not null && map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node as YamlMappingNode : null;

    private static IEnumerable<YamlNode> Sequence(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlSequenceNode s ? s.Children : [];

    private static IReadOnlyList<string> Words(YamlMappingNode map, string key) =>
        [.. Sequence(map, key).OfType<YamlScalarNode>().Select(s => s.Value ?? "")];
}

/// <summary>One rule of a Role: API groups × resources × verbs.</summary>
public sealed record RoleRule(IReadOnlyList<string> ApiGroups, IReadOnlyList<string> Resources, IReadOnlyList<string> Verbs)
{
    public bool Matches(string group, string resource, string verb) =>
        Has(ApiGroups, group) && Has(Resources, resource) && Has(Verbs, verb);

    public IEnumerable<(string Group, string Resource, string Verb)> Grants() =>
        from g in ApiGroups from r in Resources from v in Verbs select (g, r, v);

    private static bool Has(IReadOnlyList<string> list, string value) => list.Contains("*") || list.Contains(value);
}
