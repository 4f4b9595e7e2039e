using Gates.Core;
using YamlDotNet.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>
/// Replaces the content lines of a literal (<c>|</c>) or folded (<c>&gt;</c>) block scalar, keeping its header
/// (indicators and comment), its indentation, its chomping and the lines after it.
/// </summary>
internal static class BlockScalarWriter
{
    public static Splice Replace(string text, YamlScalar node, int headerStart, string value, string where)
    {
        var headerEnd = text.IndexOf('\n', headerStart);
        if (headerEnd < 0)
        {
            throw new GateInputException($"{where}: block scalar at line {node.Start.Line} has no content lines");
        }

        var header = text[headerStart..headerEnd].TrimEnd('\r');
        var indicators = header.Split('#')[0].Trim();
        if (indicators.Any(char.IsDigit))
        {
            throw new GateInputException($"{where}: block scalar at line {node.Start.Line} has an explicit indentation indicator ('{indicators}'); not supported");
        }

        var chomp = indicators.Contains('-') ? '-' : indicators.Contains('+') ? '+' : ' ';
        if (chomp == '+')
        {
            throw new GateInputException($"{where}: block scalar at line {node.Start.Line} keeps trailing lines ('{indicators}'); not supported");
        }

        var contentStart = headerEnd + 1;
        var contentEnd = LastContentEnd(text, contentStart, node.End.Index);
        var indent = IndentOf(text, contentStart, contentEnd);
        var newline = headerEnd > 0 && text[headerEnd - 1] == '\r' ? "\r\n" : "\n";

        var body = chomp == '-' ? value.TrimEnd('\n') : value.EndsWith('\n') ? value[..^1] : value;
        if (body.Contains('\n') && node.Style == ScalarStyle.Folded)
        {
            throw new GateInputException($"{where}: the new value has line breaks but the folded block scalar at line {node.Start.Line} cannot hold them exactly; use a literal block (|)");
        }

        if (body.Length == 0 || body.StartsWith(' ') || body.Split('\n').Any(l => l.Length > 0 && char.IsWhiteSpace(l[0]) && node.Style == ScalarStyle.Folded))
        {
            throw new GateInputException($"{where}: the new value cannot be written into the block scalar at line {node.Start.Line} without changing its meaning");
        }

        var lines = body.Split('\n').Select(l => l.Length == 0 ? "" : indent + l);
        var replacement = string.Join(newline, lines);
        return new Splice(string.Concat(text.AsSpan(0, contentStart), replacement, text.AsSpan(contentEnd)), null);
    }

    /// <summary>End of the last non-blank content line, trailing spaces included, before its line break.</summary>
    private static int LastContentEnd(string text, int from, int to)
    {
        var end = Math.Min(to, text.Length);
        while (end > from && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        while (end < text.Length && text[end] is not ('\n' or '\r'))
        {
            end++;
        }

        return end;
    }

    private static string IndentOf(string text, int from, int to)
    {
        var line = from;
        while (line < to)
        {
            var next = text.IndexOf('\n', line);
            next = next < 0 || next > to ? to : next;
            var content = text[line..next].TrimEnd('\r');
            if (content.Trim().Length > 0)
            {
                return content[..(content.Length - content.TrimStart(' ').Length)];
            }

            line = next + 1;
        }

        throw new GateInputException($"block scalar has no content line to take the indentation from");
    }
}
