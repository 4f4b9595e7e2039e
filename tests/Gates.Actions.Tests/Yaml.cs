using YamlDotNet.RepresentationModel;

namespace Gates.Actions.Tests;

/// <summary>Small helpers over YamlDotNet's representation model: mappings, scalars, sequences, documents.</summary>
public static class Yaml
{
    public static IReadOnlyList<YamlDocument> LoadDocuments(string path) => LoadDocumentsFromText(File.ReadAllText(path));

    public static IReadOnlyList<YamlDocument> LoadDocumentsFromText(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.ToList();
    }

    public static YamlMappingNode LoadMapping(string path) =>
        LoadDocuments(path).SingleOrDefault()?.RootNode as YamlMappingNode
        ?? throw new InvalidDataException($"{path}: expected one YAML mapping");

    public static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    public static YamlMappingNode? Mapping(YamlNode? node, string key) => Child(node, key) as YamlMappingNode;

    public static IEnumerable<YamlNode> Sequence(YamlNode? node, string key) =>
        Child(node, key) is YamlSequenceNode sequence ? sequence.Children : [];

    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(YamlNode? node, string key) =>
        Child(node, key) is YamlMappingNode map
            ? map.Children.Select(e => new KeyValuePair<string, YamlNode>(((YamlScalarNode)e.Key).Value!, e.Value))
            : [];

    public static IReadOnlyDictionary<string, string> ScalarMap(YamlNode? node, string key) =>
        Entries(node, key).ToDictionary(e => e.Key, e => (e.Value as YamlScalarNode)?.Value ?? "");

    /// <summary>Every scalar below a node, with its path, for rules that look at all the text of a file.</summary>
    public static IEnumerable<(string Path, YamlScalarNode Node)> Scalars(YamlNode node, string path = "")
    {
        switch (node)
        {
            case YamlScalarNode scalar:
                yield return (path, scalar);
                break;
            case YamlSequenceNode sequence:
                for (var i = 0; i < sequence.Children.Count; i++)
                {
                    foreach (var s in Scalars(sequence.Children[i], $"{path}[{i}]"))
                    {
                        yield return s;
                    }
                }

                break;
            case YamlMappingNode map:
                foreach (var (k, v) in map.Children)
                {
                    var name = (k as YamlScalarNode)?.Value ?? "?";
                    foreach (var s in Scalars(v, path.Length == 0 ? name : $"{path}.{name}"))
                    {
                        yield return s;
                    }
                }

                break;
        }
    }
}
