using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Http.Tls;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>
/// A lean HTTP/1.1 client: keep-alive connections in a pool, requests serialised once per prompt, Content-Length
/// and chunked bodies; https through TLS on the same connections (<see cref="TlsSettings"/>). A request that fails on
/// a reused connection before any byte of the answer arrived (the server closed an idle connection) is retried once
/// on a new connection, as HttpClient does.
/// </summary>
internal sealed class RawTransport(Uri url, RequestFactory factory, TimeSpan connectTimeout, TlsSettings? tls, TimeProvider time, bool stampReceives) : ITransport
{
    private readonly ConcurrentQueue<RawConnection> idle = new();
    private readonly SemaphoreSlim resolving = new(1, 1);
    private IPAddress[]? addresses;
    private bool disposed;

    public string Name => "raw";

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<TransportResponse> SendAsync(long index, CancellationToken ct)
    {
        var (request, isHead) = factory.Serialize(index);
        for (var attempt = 0; ; attempt++)
        {
            var connection = attempt == 0 && idle.TryDequeue(out var pooled) ? pooled : await ConnectAsync(ct).ConfigureAwait(false);
            try
            {
                await connection.SendAsync(request, ct).ConfigureAwait(false);
                var head = await connection.ReadHeadAsync(ct).ConfigureAwait(false);
                var body = connection.Body.Start(connection, head, isHead || head.Status is 204 or 304);
                return new TransportResponse(head.Status, head.Reason, head.MediaType, body, new Lease(this, connection, body, head.Close));
            }
            catch (Exception e) when (attempt == 0 && connection.Reused && connection.Received == 0 && e is IOException or SocketException
                && e is not TlsRejectedException)
            {
                connection.Dispose();
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
    }

    private async Task<RawConnection> ConnectAsync(CancellationToken ct)
    {
        if (addresses is null)
        {
            await resolving.WaitAsync(ct).ConfigureAwait(false);
            try
            {
                addresses ??= IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal)
                    ? [literal]
                    : await Dns.GetHostAddressesAsync(url.IdnHost, ct).ConfigureAwait(false);
            }
            finally
            {
                resolving.Release();
            }
        }

        return await RawConnection.ConnectAsync(addresses, url.Port, url.IdnHost.Trim('[', ']'), tls, connectTimeout, time, stampReceives, ct).ConfigureAwait(false);
    }

    public void Dispose()
    {
        disposed = true;
        while (idle.TryDequeue(out var c))
        {
            c.Dispose();
        }
    }

    /// <summary>Returns the connection to the pool when its body was read to the end; closes it otherwise.</summary>
    private sealed class Lease(RawTransport owner, RawConnection connection, RawBody body, bool close) : IDisposable
    {
        public void Dispose()
        {
            if (body.TryCompleteFromBuffer() && !close && !body.EndedByClose && connection.Buffered == 0 && !owner.disposed)
            {
                connection.Reused = true;
                owner.idle.Enqueue(connection);
            }
            else
            {
                connection.Dispose();
            }
        }
    }
}
