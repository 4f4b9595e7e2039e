using System.Text.Json.Nodes;

namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>
/// RFC 6902 JSON Patch, applied in order to a copy of the document: add, remove, replace, move, copy, test.
/// A remove or replace whose target does not exist, or a failing test, rejects the whole patch, worded as the
/// json-patch library of the Kubernetes API server words it.
/// </summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var doc = document.DeepClone();
        foreach (var operation in operations.Select(o => o ?? throw new PatchRejectedException("Unexpected kind: null operation")))
        {
            var op = operation["op"]?.GetValue<string>() ?? throw new PatchRejectedException("Unexpected kind: missing op");
            var path = operation["path"]?.GetValue<string>() ?? throw new PatchRejectedException($"{op} operation: missing path");
            switch (op)
            {
                case "add":
                    Add(ref doc, path, Value(operation, op));
                    break;
                case "remove":
                    _ = Remove(doc, path, op);
                    break;
                case "replace":
                    _ = Remove(doc, path, op);
                    Add(ref doc, path, Value(operation, op));
                    break;
                case "move":
                    Add(ref doc, path, Remove(doc, From(operation, op), op));
                    break;
                case "copy":
                    Add(ref doc, path, Get(doc, From(operation, op), op)?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(doc, path, op), Value(operation, op)))
                    {
                        throw new PatchRejectedException($"testing value {path} failed: test failed");
                    }

                    break;
                default:
                    throw new PatchRejectedException($"Unexpected kind: {op}");
            }
        }

        return doc;
    }

    private static JsonNode? Value(JsonNode operation, string op) =>
        operation.AsObject().TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchRejectedException($"{op} operation: missing value");

    private static string From(JsonNode operation, string op) =>
        operation["from"]?.GetValue<string>() ?? throw new PatchRejectedException($"{op} operation: missing from");

    private static string[] Tokens(string path)
    {
        if (path.Length == 0)
        {
            return [];
        }

        if (path[0] != '/')
        {
            throw new PatchRejectedException($"invalid path {path}: it must start with /");
        }

        return [.. path[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];
    }

    private static JsonNode? Get(JsonNode doc, string path, string op)
    {
        JsonNode? node = doc;
        foreach (var token in Tokens(path))
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(token, out var child) => child,
                JsonArray a when Index(token, a.Count - 1) is { } i => a[i],
                _ => throw Missing(op, path),
            };
        }

        return node;
    }

    private static JsonNode Parent(JsonNode doc, string path, string op, out string last)
    {
        var tokens = Tokens(path);
        if (tokens.Length == 0)
        {
            throw new PatchRejectedException($"{op} operation does not apply: the whole document is not a target");
        }

        last = tokens[^1];
        var parentPath = string.Concat(tokens[..^1].Select(t => "/" + t.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
        return Get(doc, parentPath, op) ?? throw Missing(op, path);
    }

    private static JsonNode? Remove(JsonNode doc, string path, string op)
    {
        var parent = Parent(doc, path, op, out var last);
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var value):
                o.Remove(last);
                return value;
            case JsonArray a when Index(last, a.Count - 1) is { } i:
                var item = a[i];
                a.RemoveAt(i);
                return item;
            default:
                throw Missing(op, path);
        }
    }

    private static void Add(ref JsonNode doc, string path, JsonNode? value)
    {
        if (path.Length == 0)
        {
            doc = value ?? throw new PatchRejectedException("add operation: the document cannot become null");
            return;
        }

        var parent = Parent(doc, path, "add", out var last);
        switch (parent)
        {
            case JsonObject o:
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when Index(last, a.Count) is { } i:
                a.Insert(i, value);
                break;
            default:
                throw new PatchRejectedException($"add operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static int? Index(string token, int max) =>
        int.TryParse(token, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i) && i <= max
            && (token == "0" || token[0] != '0') ? i : null;

    private static PatchRejectedException Missing(string op, string path) =>
        new($"{op} operation does not apply: doc is missing path: \"{path}\": missing value");
}
