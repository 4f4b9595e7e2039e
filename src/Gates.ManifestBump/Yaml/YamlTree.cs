using YamlDotNet.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>A place in the text: character index (0-based, BOM excluded), line and column (1-based).</summary>
internal readonly record struct TextPosition(int Index, int Line, int Column)
{
    public static TextPosition From(Mark mark) => new((int)mark.Index, (int)mark.Line, (int)mark.Column);
}

/// <summary>A node of a parsed YAML document with the exact span it came from.</summary>
internal abstract record YamlNode(TextPosition Start, TextPosition End, string? Anchor, string? Tag);

internal sealed record YamlScalar(TextPosition Start, TextPosition End, string? Anchor, string? Tag, string Value, ScalarStyle Style, bool InFlow)
    : YamlNode(Start, End, Anchor, Tag)
{
    public bool IsPlain => Style == ScalarStyle.Plain;
}

internal sealed record YamlSequence(TextPosition Start, TextPosition End, string? Anchor, string? Tag, IReadOnlyList<YamlNode> Items)
    : YamlNode(Start, End, Anchor, Tag);

internal sealed record YamlMapping(TextPosition Start, TextPosition End, string? Anchor, string? Tag, IReadOnlyList<YamlEntry> Entries)
    : YamlNode(Start, End, Anchor, Tag)
{
    /// <summary>The entry whose key is the plain or quoted scalar <paramref name="key"/>, or null.</summary>
    public YamlEntry? Find(string key) => Entries.FirstOrDefault(e => e.Key is YamlScalar s && s.Value == key);

    public YamlNode? this[string key] => Find(key)?.Value;

    public bool HasMergeKey => Entries.Any(e => e.Key is YamlScalar { Value: "<<", IsPlain: true });
}

internal sealed record YamlEntry(YamlNode Key, YamlNode Value);

internal sealed record YamlAlias(TextPosition Start, TextPosition End, string Name) : YamlNode(Start, End, null, null);

/// <summary>One document of a stream; <see cref="Root"/> is an empty plain scalar for a comment-only document.</summary>
internal sealed record YamlDocument(int Index, YamlNode Root)
{
    public bool IsEmpty => Root is YamlScalar { Value: "", IsPlain: true, Tag: null };

    /// <summary>Anchor names used by at least one alias in this document.</summary>
    public IReadOnlySet<string> AliasedAnchors { get; init; } = new HashSet<string>();
}
