using System.Globalization;
using System.Text;
using Gates.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>One step of a <see cref="YamlPath"/>.</summary>
internal abstract record PathStep
{
    /// <summary>A mapping key: <c>spec</c>, <c>["serving.kserve.io/x"]</c>.</summary>
    public sealed record Key(string Name) : PathStep
    {
        public override string ToString() => Name.Any(c => c is '.' or '[' or ']' or '"') ? $"[\"{Name}\"]" : Name;
    }

    /// <summary>A sequence item by position: <c>[0]</c>.</summary>
    public sealed record Index(int Position) : PathStep
    {
        public override string ToString() => $"[{Position.ToString(CultureInfo.InvariantCulture)}]";
    }

    /// <summary>The sequence item that is a mapping with <c>Field: Value</c>: <c>[name=model]</c>.</summary>
    public sealed record Match(string Field, string Value) : PathStep
    {
        public override string ToString() => $"[{Field}={Value}]";
    }

    /// <summary>The sequence item that is a scalar starting with a prefix: <c>[^--model_version=]</c>.</summary>
    public sealed record Prefix(string Start) : PathStep
    {
        public override string ToString() => $"[^{Start}]";
    }
}

/// <summary>
/// A dotted path into a YAML document: <c>spec.predictor.model.storageUri</c>,
/// <c>spec.template.spec.containers[name=model].image</c>, <c>images[0].newTag</c>,
/// <c>metadata.annotations["gates.dev/hold"]</c>, <c>spec.predictor.model.args[^--model_version=]</c>.
/// </summary>
internal sealed record YamlPath(IReadOnlyList<PathStep> Steps)
{
    public static YamlPath Of(params PathStep[] steps) => new(steps);

    public YamlPath Append(params PathStep[] steps) => new([.. Steps, .. steps]);

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var step in Steps)
        {
            var part = step.ToString()!;
            if (text.Length > 0 && !part.StartsWith('['))
            {
                text.Append('.');
            }

            text.Append(part);
        }

        return text.ToString();
    }

    public static YamlPath Parse(string text)
    {
        var steps = new List<PathStep>();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '[')
            {
                var close = FindClose(text, i);
                steps.Add(Bracket(text[(i + 1)..close], text));
                i = close + 1;
                if (i < text.Length && text[i] == '.')
                {
                    i++;
                }

                continue;
            }

            var end = i;
            while (end < text.Length && text[end] is not ('.' or '['))
            {
                end++;
            }

            if (end == i)
            {
                throw Bad(text, "an empty key");
            }

            steps.Add(new PathStep.Key(text[i..end]));
            i = end < text.Length && text[end] == '.' ? end + 1 : end;
            if (end < text.Length && text[end] == '.' && i == text.Length)
            {
                throw Bad(text, "a trailing '.'");
            }
        }

        return steps.Count > 0 ? new YamlPath(steps) : throw Bad(text, "no keys");
    }

    private static int FindClose(string text, int open)
    {
        var quote = open + 1 < text.Length && text[open + 1] is '"' or '\'' ? text[open + 1] : '\0';
        if (quote != '\0')
        {
            var endQuote = text.IndexOf(quote, open + 2);
            if (endQuote < 0 || endQuote + 1 >= text.Length || text[endQuote + 1] != ']')
            {
                throw Bad(text, "an unclosed quoted key");
            }

            return endQuote + 1;
        }

        var close = text.IndexOf(']', open);
        return close > open ? close : throw Bad(text, "an unclosed '['");
    }

    private static PathStep Bracket(string inner, string text)
    {
        if (inner.Length >= 2 && inner[0] is '"' or '\'' && inner[^1] == inner[0])
        {
            return new PathStep.Key(inner[1..^1]);
        }

        if (inner.StartsWith('^'))
        {
            return inner.Length > 1 ? new PathStep.Prefix(inner[1..]) : throw Bad(text, "an empty prefix [^]");
        }

        if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return new PathStep.Index(index);
        }

        var eq = inner.IndexOf('=');
        if (eq > 0)
        {
            return new PathStep.Match(inner[..eq].Trim(), Unquote(inner[(eq + 1)..].Trim()));
        }

        throw Bad(text, $"'[{inner}]' (use [N], [key=value], [^prefix] or [\"key\"])");
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0] ? value[1..^1] : value;

    private static GateInputException Bad(string text, string what) =>
        new($"path '{text}' has {what}");
}
