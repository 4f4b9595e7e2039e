using Gates.Core;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Gates.ManifestBump.Yaml;

/// <summary>Parses YAML text into documents of <see cref="YamlNode"/>s that remember their exact spans.</summary>
internal static class YamlTreeReader
{
    public static IReadOnlyList<YamlDocument> Read(string text, string source)
    {
        try
        {
            var parser = new Parser(new StringReader(text));
            parser.Consume<StreamStart>();
            var documents = new List<YamlDocument>();
            while (!parser.Accept<StreamEnd>(out _))
            {
                parser.Consume<DocumentStart>();
                var aliases = new HashSet<string>(StringComparer.Ordinal);
                var root = ReadNode(parser, inFlow: false, aliases);
                parser.Consume<DocumentEnd>();
                documents.Add(new YamlDocument(documents.Count, root) { AliasedAnchors = aliases });
            }

            return documents;
        }
        catch (YamlException e)
        {
            throw new GateInputException($"{source}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}");
        }
    }

    private static YamlNode ReadNode(IParser parser, bool inFlow, HashSet<string> aliases)
    {
        var next = parser.Consume<ParsingEvent>();
        var start = TextPosition.From(next.Start);
        switch (next)
        {
            case Scalar s:
                return new YamlScalar(start, TextPosition.From(s.End), Name(s.Anchor), Name(s.Tag), s.Value, s.Style, inFlow);
            case AnchorAlias a:
                aliases.Add(a.Value.Value);
                return new YamlAlias(start, TextPosition.From(a.End), a.Value.Value);
            case SequenceStart seq:
            {
                var flow = inFlow || seq.Style == SequenceStyle.Flow;
                var items = new List<YamlNode>();
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    items.Add(ReadNode(parser, flow, aliases));
                }

                return new YamlSequence(start, EndOf(items, start), Name(seq.Anchor), Name(seq.Tag), items);
            }

            case MappingStart map:
            {
                var flow = inFlow || map.Style == MappingStyle.Flow;
                var entries = new List<YamlEntry>();
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, flow, aliases);
                    var value = ReadNode(parser, flow, aliases);
                    entries.Add(new YamlEntry(key, value));
                }

                var last = entries.Count > 0 ? entries[^1].Value.End : start;
                return new YamlMapping(start, last, Name(map.Anchor), Name(map.Tag), entries);
            }

            default:
                throw new YamlException(next.Start, next.End, $"unexpected {next.GetType().Name}");
        }
    }

    private static TextPosition EndOf(List<YamlNode> items, TextPosition start) => items.Count > 0 ? items[^1].End : start;

    private static string? Name(AnchorName anchor) => anchor.IsEmpty ? null : anchor.Value;

    private static string? Name(TagName tag) => tag.IsEmpty ? null : tag.Value;
}
