using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Editing;

/// <summary>Finds containers by name in any pod spec of an object (<c>containers</c> and <c>initContainers</c> lists).</summary>
internal static class ContainerFinder
{
    private static readonly string[] Lists = ["containers", "initContainers"];

    public static IEnumerable<YamlPath> Find(YamlNode root, string name) =>
        Walk(root, YamlPath.Of()).Where(x => x.Name == name).Select(x => x.Path);

    public static IEnumerable<string> Names(YamlNode root) => Walk(root, YamlPath.Of()).Select(x => x.Name);

    private static IEnumerable<(string Name, YamlPath Path)> Walk(YamlNode node, YamlPath at)
    {
        if (node is not YamlMapping map)
        {
            yield break;
        }

        foreach (var entry in map.Entries)
        {
            if (entry.Key is not YamlScalar key)
            {
                continue;
            }

            var path = at.Append(new PathStep.Key(key.Value));
            if (Lists.Contains(key.Value) && entry.Value is YamlSequence items)
            {
                foreach (var item in items.Items.OfType<YamlMapping>())
                {
                    if (item["name"] is YamlScalar n)
                    {
                        yield return (n.Value, path.Append(new PathStep.Match("name", n.Value)));
                    }
                }

                continue;
            }

            foreach (var found in Walk(entry.Value, path))
            {
                yield return found;
            }
        }
    }
}
