using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Http;

/// <summary>
/// Sends one request, reads the whole answer and stamps its timeline; every failure becomes an error class on the
/// outcome, never an exception. Cancellation by the run (Ctrl-C, end of run) marks the outcome cancelled.
/// </summary>
internal sealed class RequestExecutor(ITransport transport, EndpointSettings endpoint, TimeSpan timeout, TimeProvider time)
{
    private const int BufferSize = 16 * 1024;
    private const long MaxBodyBytes = 256L * 1024 * 1024;

    private readonly System.Collections.Concurrent.ConcurrentBag<CancellationTokenSource> timers = [];

    // Read buffers are kept here rather than in ArrayPool.Shared, whose few arrays per core run out at hundreds of
    // concurrent streams: every request then allocated and zeroed a new buffer. This pool holds one per request in flight.
    private readonly System.Collections.Concurrent.ConcurrentQueue<byte[]> buffers = new();

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask ExecuteAsync(RequestOutcome outcome, CancellationToken runToken)
    {
        // Timeout sources are pooled (reset after use): a new linked source per request costs more than the request
        // itself against a fast local server. The run token cancels through a registration kept for the request.
        var timeoutCts = timers.TryTake(out var pooled) ? pooled : new CancellationTokenSource();
        timeoutCts.CancelAfter(timeout);
        var registration = runToken.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timeoutCts);
        var ct = timeoutCts.Token;
        var buffer = buffers.TryDequeue(out var free) ? free : new byte[BufferSize];
        try
        {
            outcome.Sent = time.GetTimestamp();
            using var response = await transport.SendAsync(outcome.Index, ct).ConfigureAwait(false);
            outcome.Headers = time.GetTimestamp();
            outcome.Status = response.Status;
            var body = response.Body;
            if (!response.IsSuccess)
            {
                await DrainAsync(body, buffer, ct).ConfigureAwait(false);
                outcome.Fail(ErrorClass.HttpStatus, $"HTTP {outcome.Status} {response.Reason}".TrimEnd());
            }
            else if (endpoint.Streams && response.MediaType == "text/event-stream")
            {
                outcome.Streamed = true;
                await new SseResponseReader(time).ReadAsync(body, buffer, outcome, ct).ConfigureAwait(false);
            }
            else if (endpoint.Api != ApiKind.Http || body is not Raw.RawBody raw || !raw.TrySkipBuffered())
            {
                // (A plain-http body that already arrived whole, by its Content-Length, needs no read call.)
                await ReadWholeAsync(body, buffer, outcome, ct).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (runToken.IsCancellationRequested)
        {
            outcome.Cancelled = true;
        }
        catch (OperationCanceledException)
        {
            outcome.Fail(ErrorClass.Timeout, $"no complete answer within {timeout.TotalSeconds:0.###} s");
        }
        catch (MalformedStreamException e)
        {
            outcome.Fail(ErrorClass.MalformedResponse, e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or IOException or SocketException)
        {
            var after = outcome.Headers > 0;
            outcome.Fail(after ? ErrorClass.StreamInterrupted : ErrorClass.Connection, Describe(e));
        }
        finally
        {
            outcome.End = time.GetTimestamp();
            buffers.Enqueue(buffer);
            registration.Dispose();
            if (timeoutCts.TryReset())
            {
                timers.Add(timeoutCts);
            }
            else
            {
                timeoutCts.Dispose();
            }
        }
    }

    private async Task ReadWholeAsync(Stream body, byte[] buffer, RequestOutcome outcome, CancellationToken ct)
    {
        if (endpoint.Api == ApiKind.Http)
        {
            await DrainAsync(body, buffer, ct).ConfigureAwait(false);
            return;
        }

        using var all = new MemoryStream();
        int read;
        while ((read = await body.ReadAsync(buffer, ct).ConfigureAwait(false)) > 0)
        {
            all.Write(buffer, 0, read);
            if (all.Length > MaxBodyBytes)
            {
                throw new MalformedStreamException($"the response body is larger than {MaxBodyBytes} bytes");
            }
        }

        ResponseValidator.Check(endpoint.Api, all.GetBuffer().AsSpan(0, (int)all.Length), outcome);
    }

    private static async Task DrainAsync(Stream body, byte[] buffer, CancellationToken ct)
    {
        while (await body.ReadAsync(buffer, ct).ConfigureAwait(false) > 0)
        {
        }
    }

    private static string Describe(Exception e)
    {
        var inner = e;
        while (inner.InnerException is not null && inner is HttpRequestException or IOException && inner is not Raw.TlsRejectedException)
        {
            inner = inner.InnerException;
        }

        return inner switch
        {
            SocketException s => $"{s.SocketErrorCode}: {s.Message}",
            System.Security.Authentication.AuthenticationException => $"TLS: {inner.Message} Give --ca-cert FILE (PEM) to trust a private or self-signed certificate, or --insecure to skip the check (test servers only).",
            _ => inner.Message,
        };
    }
}
