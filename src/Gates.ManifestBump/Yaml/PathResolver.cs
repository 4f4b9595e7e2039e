using Gates.Core;

namespace Gates.ManifestBump.Yaml;

/// <summary>A scalar found by path: its node, the key that names it and the entry/item indexes leading to it.</summary>
internal sealed record ScalarLocation(YamlDocument Document, YamlScalar Scalar, YamlNode? Key, IReadOnlyList<int> Trail, YamlPath Path);

/// <summary>Outcome of following a path: found, or missing with the reason (wrong paths are errors, not guesses).</summary>
internal abstract record Resolution
{
    public sealed record Found(ScalarLocation Location) : Resolution;

    public sealed record Missing(string Reason) : Resolution;
}

/// <summary>
/// Follows a <see cref="YamlPath"/> through one document. Refuses to go through an alias or a merge key, and refuses
/// a scalar whose own anchor (or an enclosing anchor) is used by an alias: changing it would change other places.
/// </summary>
internal static class PathResolver
{
    public static ScalarLocation Require(YamlDocument document, YamlPath path, string where) =>
        Resolve(document, path, where) switch
        {
            Resolution.Found f => f.Location,
            Resolution.Missing m => throw new GateInputException($"{where}: {m.Reason}"),
            _ => throw new InvalidOperationException(),
        };

    public static Resolution Resolve(YamlDocument document, YamlPath path, string where)
    {
        YamlNode node = document.Root;
        YamlNode? key = null;
        var trail = new List<int>();
        var ancestors = new List<YamlNode>();
        var walked = new List<PathStep>();
        foreach (var step in path.Steps)
        {
            var here = walked.Count == 0 ? "the document root" : $"'{new YamlPath(walked)}'";
            if (node is YamlAlias alias)
            {
                throw new GateInputException($"{where}: '{path}' goes through the alias *{alias.Name} at line {alias.Start.Line}; changing it would change the anchor &{alias.Name} and every place that uses it. Edit the anchored value itself if that is intended.");
            }

            ancestors.Add(node);
            var next = Step(node, step, here, where, path);
            if (next.Node is null)
            {
                return new Resolution.Missing(next.Missing!);
            }

            trail.Add(next.Index);
            key = next.Key;
            node = next.Node;
            walked.Add(step);
        }

        if (node is YamlAlias last)
        {
            throw new GateInputException($"{where}: '{path}' is the alias *{last.Name} (line {last.Start.Line}); changing it would change the anchor &{last.Name} and every place that uses it.");
        }

        if (node is not YamlScalar scalar)
        {
            var what = node is YamlMapping ? "a mapping" : "a sequence";
            return new Resolution.Missing($"'{path}' is {what} (line {node.Start.Line}), not a single value");
        }

        foreach (var anchored in ancestors.Append(scalar).Where(n => n.Anchor is not null && document.AliasedAnchors.Contains(n.Anchor)))
        {
            throw new GateInputException($"{where}: '{path}' is inside the anchor &{anchored.Anchor} (line {anchored.Start.Line}) that an alias *{anchored.Anchor} repeats elsewhere; the edit would also change those places. Refusing.");
        }

        return new Resolution.Found(new ScalarLocation(document, scalar, key, trail, path));
    }

    private readonly record struct Next(YamlNode? Node, YamlNode? Key, int Index, string? Missing);

    private static Next Step(YamlNode node, PathStep step, string here, string where, YamlPath path)
    {
        switch (step)
        {
            case PathStep.Key k when node is YamlMapping map:
            {
                var hits = map.Entries.Select((e, i) => (e, i)).Where(x => x.e.Key is YamlScalar s && s.Value == k.Name).ToList();
                if (hits.Count > 1)
                {
                    throw new GateInputException($"{where}: key '{k.Name}' appears {hits.Count} times in {here}");
                }

                if (hits.Count == 1)
                {
                    return new Next(hits[0].e.Value, hits[0].e.Key, hits[0].i, null);
                }

                if (map.HasMergeKey)
                {
                    throw new GateInputException($"{where}: '{k.Name}' is not written in {here} (line {map.Start.Line}) but may come from a merge key '<<: *alias'; changing it there would change every user of the anchor. Refusing.");
                }

                var keys = string.Join(", ", map.Entries.Select(e => e.Key).OfType<YamlScalar>().Select(s => s.Value).Take(12));
                return Missing($"'{path}': there is no key '{k.Name}' in {here} (keys there: {keys})");
            }

            case PathStep.Index ix when node is YamlSequence seq:
                return ix.Position < seq.Items.Count
                    ? new Next(seq.Items[ix.Position], null, ix.Position, null)
                    : Missing($"'{path}': {here} has {seq.Items.Count} items, no [{ix.Position}]");

            case PathStep.Match m when node is YamlSequence seq:
            {
                var hits = seq.Items.Select((n, i) => (n, i))
                    .Where(x => x.n is YamlMapping item && item[m.Field] is YamlScalar s && s.Value == m.Value).ToList();
                return hits.Count switch
                {
                    1 => new Next(hits[0].n, null, hits[0].i, null),
                    0 => Missing($"'{path}': no item of {here} has {m.Field}: {m.Value}"),
                    _ => throw new GateInputException($"{where}: {hits.Count} items of {here} have {m.Field}: {m.Value} (lines {string.Join(", ", hits.Select(h => h.n.Start.Line))})"),
                };
            }

            case PathStep.Prefix p when node is YamlSequence seq:
            {
                var hits = seq.Items.Select((n, i) => (n, i)).Where(x => x.n is YamlScalar s && s.Value.StartsWith(p.Start, StringComparison.Ordinal)).ToList();
                return hits.Count switch
                {
                    1 => new Next(hits[0].n, null, hits[0].i, null),
                    0 => Missing($"'{path}': no item of {here} starts with '{p.Start}'"),
                    _ => throw new GateInputException($"{where}: {hits.Count} items of {here} start with '{p.Start}'"),
                };
            }

            default:
            {
                var kind = node switch
                {
                    YamlMapping => "a mapping",
                    YamlSequence => "a sequence",
                    YamlScalar { Value: "", IsPlain: true } => "empty",
                    _ => "a single value",
                };
                return Missing($"'{path}': {here} is {kind} (line {node.Start.Line}), so '{step}' cannot be followed");
            }
        }
    }

    private static Next Missing(string reason) => new(null, null, -1, reason);
}
