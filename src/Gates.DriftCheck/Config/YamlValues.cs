using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gates.DriftCheck.Config;

/// <summary>Reads typed values from the tool's YAML sections, collecting "file:line: message" problems.</summary>
internal sealed class YamlValues(string path)
{
    public List<string> Problems { get; } = [];

    public void Add(YamlNode node, string message) => Problems.Add($"{path}:{node.Start.Line}: {message}");

    public static string? Text(YamlNode node) => node is YamlScalarNode s ? s.Value : null;

    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Mapping(YamlNode node, string what)
    {
        if (node is not YamlMappingNode mapping)
        {
            Add(node, $"'{what}' must be a mapping");
            yield break;
        }

        foreach (var (k, v) in mapping.Children)
        {
            yield return (Text(k) ?? "", k, v);
        }
    }

    public double? Number(YamlNode node, string key, double min, double max, bool minExclusive = false)
    {
        if (node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            && (minExclusive ? value > min : value >= min) && value <= max)
        {
            return value;
        }

        var range = minExclusive ? $"above {min} and at most {max}" : $"between {min} and {max}";
        Add(node, $"{key} must be a number {range}, got '{Text(node) ?? node.NodeType.ToString()}'");
        return null;
    }

    public int? Integer(YamlNode node, string key, int min, int max)
    {
        var value = Number(node, key, min, max);
        if (value is { } v && v != Math.Floor(v))
        {
            Add(node, $"{key} must be a whole number, got '{Text(node)}'");
            return null;
        }

        return value is null ? null : (int)value.Value;
    }

    public bool? Boolean(YamlNode node, string key)
    {
        if (Text(node) is "true" or "false")
        {
            return Text(node) == "true";
        }

        Add(node, $"{key} must be true or false, got '{Text(node)}'");
        return null;
    }

    public T? Word<T>(YamlNode node, string key, IReadOnlyDictionary<string, T> words)
        where T : struct
    {
        if (Text(node) is { } text && words.TryGetValue(text, out var value))
        {
            return value;
        }

        Add(node, $"{key} '{Text(node)}' is not one of {string.Join(", ", words.Keys)}");
        return null;
    }
}
