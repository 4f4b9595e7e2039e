using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gates.CanaryValidate.AbTest;

/// <summary>Small readers over YamlDotNet nodes that record every problem with its file and line.</summary>
internal sealed class YamlNodes(string path, List<string> problems)
{
    public List<string> Problems => problems;

    public void Problem(YamlNode? node, string message) => problems.Add($"{path}:{(node is null ? 1 : (int)node.Start.Line)}: {message}");

    public YamlMappingNode? Map(YamlNode? node, string where, bool required = false)
    {
        if (node is null)
        {
            if (required)
            {
                Problem(null, $"'{where}' is missing");
            }

            return null;
        }

        if (node is YamlMappingNode map)
        {
            return map;
        }

        Problem(node, $"'{where}' must be a mapping");
        return null;
    }

    public YamlNode? Get(YamlMappingNode? map, string key) =>
        map?.Children.FirstOrDefault(p => p.Key is YamlScalarNode s && s.Value == key).Value;

    public string? Text(YamlMappingNode? map, string key, string where, bool required = false)
    {
        var node = Get(map, key);
        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        if (node is not null || required)
        {
            Problem(node ?? map, $"'{where}.{key}' must be a text value");
        }

        return null;
    }

    public double? Number(YamlMappingNode? map, string key, string where, double min, double max, bool required = false)
    {
        var text = Text(map, key, where, required);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        Problem(Get(map, key), $"'{where}.{key}': '{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    public TimeSpan? Duration(YamlMappingNode? map, string key, string where, bool required = false)
    {
        var text = Text(map, key, where, required);
        if (text is null)
        {
            return null;
        }

        if (AbDuration.TryParse(text, out var value) && value > TimeSpan.Zero)
        {
            return value;
        }

        Problem(Get(map, key), $"'{where}.{key}': '{text}' is not a duration (7d, 1h, 30m, 900s)");
        return null;
    }

    public IReadOnlyList<string> Names(YamlMappingNode? map, string key, string where)
    {
        var node = Get(map, key);
        if (node is null)
        {
            return [];
        }

        if (node is YamlSequenceNode list && list.All(i => i is YamlScalarNode { Value.Length: > 0 }))
        {
            return [.. list.Cast<YamlScalarNode>().Select(s => s.Value!)];
        }

        Problem(node, $"'{where}.{key}' must be a list of metric names");
        return [];
    }

    public static IEnumerable<KeyValuePair<YamlNode, YamlNode>> Entries(YamlMappingNode? map) =>
        map?.Children ?? Enumerable.Empty<KeyValuePair<YamlNode, YamlNode>>();

    public void AllowOnly(YamlMappingNode? map, string where, params string[] keys)
    {
        foreach (var (key, _) in Entries(map))
        {
            if (key is not YamlScalarNode { Value: { } name } || !keys.Contains(name))
            {
                Problem(key, $"unknown key '{where}.{(key as YamlScalarNode)?.Value}' (allowed: {string.Join(", ", keys)})");
            }
        }
    }
}
