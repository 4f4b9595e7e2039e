using Gates.Core;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Http.Raw;
using Gates.LatencyBench.Http.Tls;

namespace Gates.LatencyBench.Http;

/// <summary>Which HTTP client sends the requests.</summary>
internal enum ClientKind
{
    /// <summary>The lean HTTP/1.1 client (http and https).</summary>
    Auto,

    /// <summary>The lean HTTP/1.1 client.</summary>
    Raw,

    /// <summary>.NET's HttpClient.</summary>
    System,
}

internal static class Transports
{
    public static ITransport Create(ClientKind kind, Uri url, RequestFactory factory, int maxConnections, TimeSpan connectTimeout, TlsSettings tls, TimeProvider time,
        bool stampReceives) =>
        NameFor(kind, url) == "raw"
            ? new RawTransport(url, factory, connectTimeout, url.Scheme == "https" ? tls : null, time, stampReceives)
            : new SystemTransport(factory, maxConnections, connectTimeout, tls);

    public static string NameFor(ClientKind kind, Uri url) => kind switch
    {
        _ when url.Scheme is not ("http" or "https") => throw new GateInputException($"--url: the scheme must be http or https, not {url.Scheme}"),
        ClientKind.System => "system",
        _ => "raw",
    };
}
