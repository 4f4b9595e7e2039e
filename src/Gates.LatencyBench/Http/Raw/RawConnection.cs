using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Security.Authentication;
using Gates.LatencyBench.Http.Tls;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>
/// One keep-alive HTTP/1.1 connection with its read buffer: plain on the socket itself, or TLS through an
/// <see cref="SslStream"/> over the same socket (https).
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private const int MaxHead = 64 * 1024;
    private readonly Socket socket;
    private readonly SslStream? tls;
    private readonly StampedNetworkStream? underTls;
    private readonly TimeProvider time;
    private readonly bool kernelStamps;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    private RawConnection(Socket socket, SslStream? tls, StampedNetworkStream? underTls, TimeProvider time, bool kernelStamps)
    {
        this.socket = socket;
        this.tls = tls;
        this.underTls = underTls;
        this.time = time;
        this.kernelStamps = kernelStamps;
    }

    /// <summary>
    /// When the bytes of the last receive arrived (<see cref="TimeProvider"/> ticks): the kernel's receive stamp where
    /// the connection has them (<see cref="KernelStamps"/>), else the time the receive returned. A receive happens only
    /// when no complete line or chunk is buffered, so bytes handed out later still came with it.
    /// </summary>
    public long LastReceived { get; private set; }

    /// <summary>True once it has served a response: a failure before any byte of the next one may be a stale connection.</summary>
    public bool Reused { get; set; }

    /// <summary>Bytes received since the current request was sent.</summary>
    public long Received { get; private set; }

    /// <summary>The body reader of the current response, reused from one response to the next.</summary>
    public RawBody Body { get; } = new();

    /// <summary>
    /// Connects to the first address that answers; with <paramref name="tls"/>, also completes the TLS handshake for
    /// <paramref name="host"/>. With <paramref name="stampReceives"/>, receives are stamped by the kernel where it can.
    /// </summary>
    public static async Task<RawConnection> ConnectAsync(IPAddress[] addresses, int port, string host, TlsSettings? tls, TimeSpan timeout, TimeProvider time,
        bool stampReceives, CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        Exception? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), limit.Token).ConfigureAwait(false);
                var kernel = stampReceives && KernelStamps.TryEnable(socket, time);
                if (tls is null)
                {
                    return new RawConnection(socket, null, null, time, kernel);
                }

                var inner = new StampedNetworkStream(socket, kernel, time);
                var stream = new SslStream(inner, leaveInnerStreamOpen: false);
                try
                {
                    await stream.AuthenticateAsClientAsync(tls.ClientOptions(host), limit.Token).ConfigureAwait(false);
                }
                catch (AuthenticationException e)
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    throw new TlsRejectedException(tls.Rejected(host, e), e);
                }
                catch
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                return new RawConnection(socket, stream, inner, time, kernel);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                socket.Dispose();
                last = new SocketException((int)SocketError.TimedOut);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        Received = 0;
        if (tls is not null)
        {
            await tls.WriteAsync(bytes, ct).ConfigureAwait(false);
            return;
        }

        while (!bytes.IsEmpty)
        {
            var sent = await socket.SendAsync(bytes, SocketFlags.None, ct).ConfigureAwait(false);
            bytes = bytes[sent..];
        }
    }

    public int Buffered => end - start;

    public ReadOnlySpan<byte> BufferedSpan => buffer.AsSpan(start, end - start);

    public void Consume(int count) => start += count;

    /// <summary>Receives more bytes into the buffer; 0 means the server closed the connection.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<int> FillAsync(CancellationToken ct)
    {
        if (start > 0 && start == end)
        {
            start = end = 0;
        }
        else if (end == buffer.Length)
        {
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }
            else
            {
                Array.Resize(ref buffer, buffer.Length * 2);
            }
        }

        int read;
        if (tls is not null)
        {
            read = await tls.ReadAsync(buffer.AsMemory(end), ct).ConfigureAwait(false);
            LastReceived = underTls!.LastReceived;
        }
        else if (kernelStamps)
        {
            (read, LastReceived) = await KernelStamps.ReceiveAsync(socket, buffer.AsMemory(end), time, ct).ConfigureAwait(false);
        }
        else
        {
            read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, ct).ConfigureAwait(false);
            LastReceived = time.GetTimestamp();
        }

        end += read;
        Received += read;
        return read;
    }

    /// <summary>Reads the next response head, skipping interim 1xx responses.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<ResponseHead> ReadHeadAsync(CancellationToken ct)
    {
        while (true)
        {
            var at = BufferedSpan.IndexOf("\r\n\r\n"u8);
            if (at >= 0)
            {
                var head = ResponseHead.Parse(BufferedSpan[..at]);
                Consume(at + 4);
                if (head.Status is >= 100 and < 200 && head.Status != 101)
                {
                    continue;
                }

                return head;
            }

            if (Buffered > MaxHead)
            {
                throw new MalformedStreamException($"the response head is longer than {MaxHead} bytes");
            }

            if (await FillAsync(ct).ConfigureAwait(false) == 0)
            {
                throw new IOException(Received == 0
                    ? "the server closed the connection without answering"
                    : "the server closed the connection in the middle of the response head");
            }
        }
    }

    public void Dispose()
    {
        tls?.Dispose();
        socket.Dispose();
    }
}

/// <summary>The TLS handshake failed because the server's certificate is not trusted.</summary>
internal sealed class TlsRejectedException(string message, Exception inner) : IOException(message, inner);
