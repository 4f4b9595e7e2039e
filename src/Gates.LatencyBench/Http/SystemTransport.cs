using System.Net;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Http.Tls;

namespace Gates.LatencyBench.Http;

/// <summary>.NET's HttpClient: used for https, and for http with <c>--client system</c>.</summary>
internal sealed class SystemTransport(RequestFactory factory, int maxConnections, TimeSpan connectTimeout, TlsSettings tls) : ITransport
{
    private readonly HttpClient client = new(new SocketsHttpHandler
    {
        MaxConnectionsPerServer = Math.Max(1, maxConnections),
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectTimeout = connectTimeout,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(2),
        EnableMultipleHttp2Connections = true,
        SslOptions = new System.Net.Security.SslClientAuthenticationOptions { RemoteCertificateValidationCallback = tls.Validate },
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public string Name => "system";

    public async ValueTask<TransportResponse> SendAsync(long index, CancellationToken ct)
    {
        var request = factory.Create(index);
        try
        {
            var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct).ConfigureAwait(false);
            var body = await response.Content.ReadAsStreamAsync(ct).ConfigureAwait(false);
            return new TransportResponse((int)response.StatusCode, response.ReasonPhrase ?? "", response.Content.Headers.ContentType?.MediaType, body,
                new Both(response, request));
        }
        catch
        {
            request.Dispose();
            throw;
        }
    }

    public void Dispose() => client.Dispose();

    private sealed class Both(IDisposable a, IDisposable b) : IDisposable
    {
        public void Dispose()
        {
            a.Dispose();
            b.Dispose();
        }
    }
}
