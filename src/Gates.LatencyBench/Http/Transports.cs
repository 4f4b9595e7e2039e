using Gates.Core;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Http.Raw;

namespace Gates.LatencyBench.Http;

/// <summary>Which HTTP client sends the requests.</summary>
internal enum ClientKind
{
    /// <summary>The lean HTTP/1.1 client for http URLs, HttpClient for https.</summary>
    Auto,

    /// <summary>The lean HTTP/1.1 client (http only).</summary>
    Raw,

    /// <summary>.NET's HttpClient.</summary>
    System,
}

internal static class Transports
{
    public static ITransport Create(ClientKind kind, Uri url, RequestFactory factory, int maxConnections, TimeSpan connectTimeout) =>
        NameFor(kind, url) == "raw"
            ? new RawTransport(url, factory, connectTimeout)
            : new SystemTransport(factory, maxConnections, connectTimeout);

    public static string NameFor(ClientKind kind, Uri url) => kind switch
    {
        ClientKind.Raw when url.Scheme != "http" => throw new GateInputException("--client raw supports http URLs only; use --client system (or auto) for https"),
        ClientKind.Raw => "raw",
        ClientKind.System => "system",
        _ => url.Scheme == "http" ? "raw" : "system",
    };
}
