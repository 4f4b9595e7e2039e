using System.Text.Json.Nodes;
using System.Web;

namespace Gates.Testing.Http;

/// <summary>One request as <see cref="LocalHttpServer"/> saw it: method, raw path and query, headers and body.</summary>
public sealed record FakeRequest(string Method, string PathAndQuery, IReadOnlyDictionary<string, string> Headers, string Body)
{
    /// <summary>The path as sent, still percent-encoded.</summary>
    public string RawPath => PathAndQuery.Split('?')[0];

    /// <summary>The path with percent-encoding undone.</summary>
    public string Path => Uri.UnescapeDataString(RawPath);

    /// <summary>Query parameters, decoded; a parameter given twice has its values joined by commas.</summary>
    public IReadOnlyDictionary<string, string> Query
    {
        get
        {
            var index = PathAndQuery.IndexOf('?', StringComparison.Ordinal);
            var parsed = HttpUtility.ParseQueryString(index < 0 ? "" : PathAndQuery[(index + 1)..]);
            return parsed.AllKeys.Where(k => k is not null).ToDictionary(k => k!, k => parsed[k] ?? "", StringComparer.Ordinal);
        }
    }

    public string? Authorization => Header("Authorization");

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonNode? Json => string.IsNullOrEmpty(Body) ? null : JsonNode.Parse(Body);
}
