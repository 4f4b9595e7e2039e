using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Gates.LatencyBench.Tests.Support;

/// <summary>
/// A TCP server on 127.0.0.1 that answers each request with scripted raw bytes, for HTTP framing cases a real server
/// will not produce on demand (chunk extensions, trailers, 100 Continue, close-delimited bodies, garbage).
/// </summary>
internal sealed class ScriptedSocketServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private readonly Func<int, string[]> answer;
    private int requests;

    public ScriptedSocketServer(Func<int, string[]> answer, bool closeAfterEach = false)
    {
        this.answer = answer;
        listener.Start();
        loop = Task.Run(() => AcceptAsync(closeAfterEach));
    }

    public string BaseUrl => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

    public int Requests => Volatile.Read(ref requests);

    private async Task AcceptAsync(bool closeAfterEach)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket, closeAfterEach));
        }
    }

    private async Task ServeAsync(Socket socket, bool closeAfterEach)
    {
        using (socket)
        {
            var buffer = new byte[65536];
            var have = 0;
            try
            {
                while (true)
                {
                    int headEnd;
                    while ((headEnd = buffer.AsSpan(0, have).IndexOf("\r\n\r\n"u8)) < 0)
                    {
                        var n = await socket.ReceiveAsync(buffer.AsMemory(have), stop.Token);
                        if (n == 0)
                        {
                            return;
                        }

                        have += n;
                    }

                    var head = Encoding.ASCII.GetString(buffer, 0, headEnd);
                    var length = head.Split("\r\n").Where(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                        .Select(l => int.Parse(l[15..].Trim())).FirstOrDefault();
                    while (have < headEnd + 4 + length)
                    {
                        have += await socket.ReceiveAsync(buffer.AsMemory(have), stop.Token);
                    }

                    var used = headEnd + 4 + length;
                    Buffer.BlockCopy(buffer, used, buffer, 0, have - used);
                    have -= used;
                    foreach (var piece in answer(Interlocked.Increment(ref requests)))
                    {
                        await socket.SendAsync(Encoding.UTF8.GetBytes(piece));
                        await Task.Delay(1);
                    }

                    if (closeAfterEach)
                    {
                        socket.Shutdown(SocketShutdown.Both);
                        return;
                    }
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException or IOException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        await loop;
    }
}
