using System.Net;
using System.Net.Sockets;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>One keep-alive HTTP/1.1 connection with its read buffer.</summary>
internal sealed class RawConnection : IDisposable
{
    private const int MaxHead = 64 * 1024;
    private readonly Socket socket;
    private byte[] buffer = new byte[16 * 1024];
    private int start;
    private int end;

    private RawConnection(Socket socket) => this.socket = socket;

    /// <summary>True once it has served a response: a failure before any byte of the next one may be a stale connection.</summary>
    public bool Reused { get; set; }

    /// <summary>Bytes received since the current request was sent.</summary>
    public long Received { get; private set; }

    public static async Task<RawConnection> ConnectAsync(IPAddress[] addresses, int port, TimeSpan timeout, CancellationToken ct)
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
                return new RawConnection(socket);
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

    public async ValueTask SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken ct)
    {
        Received = 0;
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

        var read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, ct).ConfigureAwait(false);
        end += read;
        Received += read;
        return read;
    }

    /// <summary>Reads the next response head, skipping interim 1xx responses.</summary>
    public async Task<ResponseHead> ReadHeadAsync(CancellationToken ct)
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

    public void Dispose() => socket.Dispose();
}
