using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Tests.Corpus;

/// <summary>Every single-line, non-empty, non-block scalar value of a document reachable by path without aliases.</summary>
internal static class EditableScalars
{
    public static IEnumerable<(YamlPath Path, YamlScalar Scalar, string? Key)> Of(YamlDocument document) =>
        Walk(document.Root, YamlPath.Of(), null, document.AliasedAnchors);

    private static IEnumerable<(YamlPath, YamlScalar, string?)> Walk(YamlNode node, YamlPath at, string? key, IReadOnlySet<string> aliased)
    {
        if (node.Anchor is not null && aliased.Contains(node.Anchor))
        {
            yield break;
        }

        switch (node)
        {
            case YamlScalar s when at.Steps.Count > 0 && s.Value.Length > 0 && s.Start.Line == s.End.Line
                && s.Style is not (YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded):
                yield return (at, s, key);
                break;
            case YamlSequence seq:
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    foreach (var x in Walk(seq.Items[i], at.Append(new PathStep.Index(i)), key, aliased))
                    {
                        yield return x;
                    }
                }

                break;
            case YamlMapping map:
                var keys = map.Entries.Select(e => (e.Key as YamlScalar)?.Value).ToList();
                foreach (var entry in map.Entries)
                {
                    if (entry.Key is not YamlScalar k || keys.Count(x => x == k.Value) > 1 || k.Value == "<<")
                    {
                        continue;
                    }

                    foreach (var x in Walk(entry.Value, at.Append(new PathStep.Key(k.Value)), k.Value, aliased))
                    {
                        yield return x;
                    }
                }

                break;
        }
    }

    /// <summary>A different value of the same kind: numbers go up by one, booleans flip, strings get a suffix.</summary>
    public static string Bumped(YamlScalar scalar)
    {
        if (!scalar.IsPlain)
        {
            return scalar.Value + "-bumped";
        }

        return PlainScalars.KindOf(scalar.Value) switch
        {
            PlainScalars.Kind.Int when long.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) => (n + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            PlainScalars.Kind.Bool => scalar.Value.StartsWith('t') || scalar.Value.StartsWith('T') ? "false" : "true",
            PlainScalars.Kind.Float or PlainScalars.Kind.Int => scalar.Value,
            PlainScalars.Kind.Null => scalar.Value,
            _ => scalar.Value + "-bumped",
        };
    }
}
