using Gates.Core;
using Gates.ManifestBump.Yaml;

namespace Gates.ManifestBump.Editing;

/// <summary>Picks one Kubernetes object (document) of a file by kind, name, namespace and apiVersion.</summary>
internal sealed record ObjectSelector
{
    public string? Kind { get; init; }
    public string? Name { get; init; }
    public string? Namespace { get; init; }
    public string? ApiVersion { get; init; }

    public static ObjectSelector Any { get; } = new();

    public bool IsEmpty => Kind is null && Name is null && Namespace is null && ApiVersion is null;

    /// <summary>Parses <c>kind=InferenceService,name=fraud,namespace=ml</c>.</summary>
    public static ObjectSelector Parse(string? text)
    {
        var selector = new ObjectSelector();
        if (string.IsNullOrWhiteSpace(text))
        {
            return selector;
        }

        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = part.IndexOf('=');
            var (key, value) = eq > 0 ? (part[..eq].Trim(), part[(eq + 1)..].Trim()) : throw new GateInputException($"--select: '{part}' is not key=value");
            selector = key.ToLowerInvariant() switch
            {
                "kind" => selector with { Kind = value },
                "name" => selector with { Name = value },
                "namespace" => selector with { Namespace = value },
                "apiversion" => selector with { ApiVersion = value },
                _ => throw new GateInputException($"--select: unknown key '{key}' (use kind, name, namespace, apiVersion)"),
            };
        }

        return selector;
    }

    public override string ToString()
    {
        var parts = new[] { ("kind", Kind), ("name", Name), ("namespace", Namespace), ("apiVersion", ApiVersion) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1}={p.Item2}");
        return string.Join(",", parts);
    }

    public bool Matches(YamlDocument document)
    {
        if (document.Root is not YamlMapping root)
        {
            return false;
        }

        var metadata = root["metadata"] as YamlMapping;
        return Is(Kind, root["kind"]) && Is(ApiVersion, root["apiVersion"]) && Is(Name, metadata?["name"])
            && (Namespace is null || Is(Namespace, metadata?["namespace"]));
    }

    /// <summary>The one document this selector picks; none or several is an error naming what is there.</summary>
    public YamlDocument SelectOne(IReadOnlyList<YamlDocument> documents, string where, Func<YamlDocument, bool>? also = null)
    {
        var candidates = documents.Where(d => !d.IsEmpty && Matches(d) && (also is null || also(d))).ToList();
        if (candidates.Count == 1)
        {
            return candidates[0];
        }

        var present = string.Join("; ", documents.Where(d => !d.IsEmpty).Select(Describe));
        var asked = IsEmpty ? "(no --select)" : ToString();
        throw new GateInputException(candidates.Count == 0
            ? $"{where}: no object matches {asked}; the file has: {present}"
            : $"{where}: {candidates.Count} objects match {asked} (documents {string.Join(", ", candidates.Select(c => c.Index + 1))}); narrow it with kind, name or namespace");
    }

    public static string Describe(YamlDocument document)
    {
        if (document.Root is not YamlMapping root)
        {
            return $"document {document.Index + 1} (not a mapping)";
        }

        var metadata = root["metadata"] as YamlMapping;
        var kind = (root["kind"] as YamlScalar)?.Value ?? "(no kind)";
        var name = (metadata?["name"] as YamlScalar)?.Value;
        var ns = (metadata?["namespace"] as YamlScalar)?.Value;
        return $"{kind}{(name is null ? "" : "/" + name)}{(ns is null ? "" : " in " + ns)}";
    }

    private static bool Is(string? wanted, YamlNode? node) => wanted is null || (node is YamlScalar s && s.Value == wanted);
}
