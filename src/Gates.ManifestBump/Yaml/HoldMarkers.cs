namespace Gates.ManifestBump.Yaml;

/// <summary>
/// Finds a hold on a target: a <c># gates:hold</c> comment on the value's line or in the comment lines just above
/// its key, or the annotation <c>gates.dev/hold: "true"</c> on the selected object.
/// </summary>
internal static class HoldMarkers
{
    public const string Comment = "gates:hold";
    public const string Annotation = "gates.dev/hold";

    public static string? Find(string text, ScalarLocation target)
    {
        var lines = LineIndex.Of(text);
        var block = target.Scalar.Style is YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded;
        var valueLines = new[] { lines.Line(target.Scalar.Start.Index), lines.Line(Math.Max(0, target.Scalar.End.Index - 1)) };
        foreach (var valueLine in block ? valueLines[..1] : valueLines.Distinct())
        {
            if (CommentOf(lines.Text(valueLine)) is { } trailing && trailing.Contains(Comment, StringComparison.Ordinal))
            {
                return $"'# {Comment}' on line {valueLine + 1}";
            }
        }

        var keyLine = lines.Line((target.Key ?? target.Scalar).Start.Index);
        for (var line = keyLine - 1; line >= 0; line--)
        {
            var content = lines.Text(line).Trim();
            if (!content.StartsWith('#'))
            {
                break;
            }

            if (content.Contains(Comment, StringComparison.Ordinal))
            {
                return $"'# {Comment}' on line {line + 1}";
            }
        }

        if (target.Document.Root is YamlMapping root
            && root["metadata"] is YamlMapping metadata
            && metadata["annotations"] is YamlMapping annotations
            && annotations[Annotation] is YamlScalar hold
            && hold.Value.Equals("true", StringComparison.OrdinalIgnoreCase))
        {
            return $"annotation {Annotation}: \"true\" on line {hold.Start.Line}";
        }

        return null;
    }

    /// <summary>The comment at the end of a line (outside quotes), or null.</summary>
    private static string? CommentOf(string line)
    {
        var quote = '\0';
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
            {
                return line[(i + 1)..];
            }
        }

        return null;
    }
}

/// <summary>Line starts of a text, for turning character indexes into lines (0-based here).</summary>
internal sealed class LineIndex
{
    private readonly string text;
    private readonly List<int> starts;

    private LineIndex(string text, List<int> starts)
    {
        this.text = text;
        this.starts = starts;
    }

    public static LineIndex Of(string text)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        return new LineIndex(text, starts);
    }

    public int Count => starts.Count;

    public int Line(int index)
    {
        var found = starts.BinarySearch(index);
        return found >= 0 ? found : ~found - 1;
    }

    public string Text(int line)
    {
        var end = line + 1 < starts.Count ? starts[line + 1] : text.Length;
        return text[starts[line]..end].TrimEnd('\n', '\r');
    }
}
