using Gates.Core;
using YamlDotNet.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>The text after one splice, and a note when the quoting had to change.</summary>
internal sealed record Splice(string Text, string? Note);

/// <summary>
/// Replaces the characters of one scalar's value in the original text, keeping its quoting style, its anchor and
/// tag, and everything around it (comments, spacing, line endings).
/// </summary>
internal static class ScalarSplicer
{
    public static Splice Apply(string text, YamlScalar node, string value, string where)
    {
        var start = ValueStart(text, node);
        var end = node.End.Index;
        if (node.Style is ScalarStyle.Literal or ScalarStyle.Folded)
        {
            return BlockScalarWriter.Replace(text, node, start, value, where);
        }

        if (node is { IsPlain: true, Value: "" } && start >= end)
        {
            throw new GateInputException($"{where}: the value is empty (no text to replace at line {node.Start.Line}); manifest-bump only changes values that are written out");
        }

        var (rendered, note) = Render(node, value);
        return new Splice(string.Concat(text.AsSpan(0, start), rendered, text.AsSpan(end)), note);
    }

    /// <summary>Where the value itself starts: after any anchor (<c>&amp;a</c>) and tag (<c>!!str</c>) in the span.</summary>
    public static int ValueStart(string text, YamlNode node)
    {
        var i = node.Start.Index;
        if (node.Anchor is null && node.Tag is null)
        {
            return i;
        }

        while (i < node.End.Index && text[i] is '&' or '!')
        {
            while (i < node.End.Index && !char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            while (i < node.End.Index && char.IsWhiteSpace(text[i]))
            {
                i++;
            }
        }

        return i;
    }

    private static (string Text, string? Note) Render(YamlScalar node, string value)
    {
        switch (node.Style)
        {
            case ScalarStyle.Plain:
                if (!PlainScalars.CanWritePlain(value, node.InFlow))
                {
                    return (QuotedScalars.Double(value), "written in double quotes: the new value cannot be a plain scalar");
                }

                var before = PlainScalars.KindOf(node.Value);
                var after = PlainScalars.KindOf(value);
                if (node.Tag is null && after != PlainScalars.Kind.String && after != before)
                {
                    return (QuotedScalars.Double(value), $"written in double quotes: unquoted it would read as a {after.ToString().ToLowerInvariant()}, the old value was a {before.ToString().ToLowerInvariant()}");
                }

                return (value, null);
            case ScalarStyle.SingleQuoted when QuotedScalars.CanWriteSingle(value):
                return (QuotedScalars.Single(value), null);
            case ScalarStyle.SingleQuoted:
                return (QuotedScalars.Double(value), "written in double quotes: single quotes cannot hold control characters");
            default:
                return (QuotedScalars.Double(value), null);
        }
    }
}
