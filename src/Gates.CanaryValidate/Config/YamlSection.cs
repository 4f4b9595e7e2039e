using Gates.Core.Text;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Gates.CanaryValidate.Config;

/// <summary>Reads the keys of one tool section (<c>analysis:</c>, <c>prometheus:</c>), collecting problems with their lines.</summary>
internal sealed class YamlSection(string path, string name, YamlNode? node, List<string> problems)
{
    private readonly Dictionary<string, YamlNode> values = Read(path, name, node, problems);

    public void AllowOnly(params string[] keys)
    {
        foreach (var key in values.Keys.Where(k => !keys.Contains(k)))
        {
            problems.Add($"{path}:{Line(values[key])}: unknown key '{name}.{key}' (allowed: {string.Join(", ", keys)})");
        }
    }

    public string? Text(string key) => values.TryGetValue(key, out var v) && v is YamlScalarNode s ? s.Value : null;

    public TimeSpan? Duration(string key)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{path}:{Line(values[key])}: {name}.{key}: '{text}' is not a duration (900, 900s, 15m, 1h)");
        return null;
    }

    public double? Number(string key, double min, double max)
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"{path}:{Line(values[key])}: {name}.{key}: '{text}' must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}");
        return null;
    }

    public T? Word<T>(string key)
        where T : struct, Enum
    {
        var text = Text(key);
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<T>(text, ignoreCase: true, out var value) && !int.TryParse(text, out _))
        {
            return value;
        }

        problems.Add($"{path}:{Line(values[key])}: {name}.{key}: '{text}' is not one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    private static Dictionary<string, YamlNode> Read(string path, string name, YamlNode? node, List<string> problems)
    {
        if (node is null)
        {
            return [];
        }

        if (node is not YamlMappingNode mapping)
        {
            problems.Add($"{path}:{Line(node)}: '{name}' must be a mapping");
            return [];
        }

        return mapping.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => p.Value, StringComparer.Ordinal);
    }

    public static int Line(YamlNode node) => (int)node.Start.Line;
}
