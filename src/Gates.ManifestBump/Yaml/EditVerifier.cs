using Gates.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>
/// Proves an edit: parses the edited text and compares it with the original, node by node. The only difference
/// allowed is the target scalar, which must now hold exactly the requested value; anything else refuses the edit.
/// </summary>
internal static class EditVerifier
{
    public static void Verify(IReadOnlyList<YamlDocument> before, string editedText, ScalarLocation target, string expected, string where)
    {
        var after = YamlTreeReader.Read(editedText, where);
        if (after.Count != before.Count)
        {
            throw Refuse(where, $"the file would have {after.Count} documents instead of {before.Count}");
        }

        for (var d = 0; d < before.Count; d++)
        {
            var trail = d == target.Document.Index ? target.Trail : null;
            Compare(before[d].Root, after[d].Root, trail, 0, expected, where, $"document {d + 1}");
        }
    }

    private static void Compare(YamlNode a, YamlNode b, IReadOnlyList<int>? trail, int depth, string expected, string where, string at)
    {
        var onTrail = trail is not null && depth <= trail.Count;
        if (a.GetType() != b.GetType() || a.Anchor != b.Anchor || a.Tag != b.Tag)
        {
            throw Refuse(where, $"{at} (line {a.Start.Line}) would change its kind, anchor or tag");
        }

        switch (a, b)
        {
            case (YamlScalar x, YamlScalar y) when onTrail && depth == trail!.Count:
                if (y.Value != expected)
                {
                    throw Refuse(where, $"the target at line {x.Start.Line} would read back as '{y.Value}', not '{expected}'");
                }

                break;
            case (YamlScalar x, YamlScalar y):
                if (x.Value != y.Value || x.IsPlain != y.IsPlain)
                {
                    throw Refuse(where, $"{at}: the value at line {x.Start.Line} would change from '{x.Value}' to '{y.Value}'");
                }

                break;
            case (YamlAlias x, YamlAlias y):
                if (x.Name != y.Name)
                {
                    throw Refuse(where, $"{at}: the alias at line {x.Start.Line} would change");
                }

                break;
            case (YamlSequence x, YamlSequence y):
                if (x.Items.Count != y.Items.Count)
                {
                    throw Refuse(where, $"{at}: the sequence at line {x.Start.Line} would have {y.Items.Count} items instead of {x.Items.Count}");
                }

                for (var i = 0; i < x.Items.Count; i++)
                {
                    Compare(x.Items[i], y.Items[i], Follows(trail, depth, i), depth + 1, expected, where, at);
                }

                break;
            case (YamlMapping x, YamlMapping y):
                if (x.Entries.Count != y.Entries.Count)
                {
                    throw Refuse(where, $"{at}: the mapping at line {x.Start.Line} would have {y.Entries.Count} keys instead of {x.Entries.Count}");
                }

                for (var i = 0; i < x.Entries.Count; i++)
                {
                    Compare(x.Entries[i].Key, y.Entries[i].Key, null, depth + 1, expected, where, at);
                    Compare(x.Entries[i].Value, y.Entries[i].Value, Follows(trail, depth, i), depth + 1, expected, where, at);
                }

                break;
        }
    }

    private static IReadOnlyList<int>? Follows(IReadOnlyList<int>? trail, int depth, int index) =>
        trail is not null && depth < trail.Count && trail[depth] == index ? trail : null;

    private static GateInputException Refuse(string where, string why) =>
        new($"{where}: edit refused after checking the result: {why}");
}
