using System.Text.RegularExpressions;
using Gates.Testing;
using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>
/// A GitLab CI/CD component template (templates/&lt;name&gt;.yml): the spec header and the body text, with the
/// body's <c>$[[ inputs.x ]]</c> interpolation done the way GitLab does it (a reference that is a whole value
/// takes the input's type; inside a longer string it becomes text).
/// </summary>
public sealed record GitLabComponent(string Name, YamlMappingNode Inputs, string Body)
{
    public static readonly Regex InputReference = new(@"\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*\]\]");

    public static GitLabComponent Load(string name)
    {
        var text = File.ReadAllText(RepositoryPaths.Of("templates", name + ".yml")).Replace("\r\n", "\n");
        var split = text.IndexOf("\n---\n", StringComparison.Ordinal);
        split.ShouldBeGreaterThan(0, $"templates/{name}.yml: the spec header must be followed by ---");
        var header = Yaml.LoadDocumentsFromText(text[..split]).Single().RootNode;
        var inputs = Yaml.Mapping(Yaml.Mapping(header, "spec"), "inputs") ?? throw new InvalidDataException($"{name}: no spec: inputs:");
        return new GitLabComponent(name, inputs, text[(split + 5)..]);
    }

    public IEnumerable<string> Declared => Inputs.Children.Keys.Select(k => ((YamlScalarNode)k).Value!);

    public IEnumerable<string> Used => InputReference.Matches(Body).Select(m => m.Groups[1].Value).Distinct();

    public bool IsMandatory(string input) => Yaml.Child(Inputs.Children[new YamlScalarNode(input)], "default") is null;

    /// <summary>The body with every input replaced: given values, else defaults; the result parsed as YAML.</summary>
    public YamlMappingNode Interpolate(IReadOnlyDictionary<string, string> given)
    {
        var text = InputReference.Replace(Body, m =>
        {
            var name = m.Groups[1].Value;
            if (given.TryGetValue(name, out var value))
            {
                return value;
            }

            var node = Yaml.Child(Inputs.Children[new YamlScalarNode(name)], "default")
                ?? throw new InvalidOperationException($"{Name}: mandatory input {name} not given");
            return Flow(node);
        });
        return (YamlMappingNode)Yaml.LoadDocumentsFromText(text).Single().RootNode;
    }

    private static string Flow(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Flow)) + "]",
        YamlMappingNode map => "{" + string.Join(", ", map.Children.Select(e => $"{Flow(e.Key)}: {Flow(e.Value)}")) + "}",
        _ => throw new NotSupportedException(node.GetType().Name),
    };
}
