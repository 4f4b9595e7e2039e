#:property TargetFramework=net10.0
#:property Nullable=enable
#:property AllowUnsafeBlocks=true
#:property PublishAot=false
#:property TieredPGO=false

// A local OpenAI-compatible SSE server with known delays, for the latency-bench accuracy benchmark.
// Usage: dotnet run bench/latency/sse-server.cs -- PORT TTFT_MS ITL_MS TOKENS [SPIN_MS] [CERT.pem KEY.pem]
//
// It speaks HTTP/1.1 on raw sockets (no web framework, so no queue between the bytes arriving and the clock):
// every request is stamped with the kernel's receive time of its first bytes (SO_TIMESTAMPNS, converted to
// CLOCK_MONOTONIC, the clock behind Stopwatch in every process on this machine), and every chunk with the time its
// write returned (on loopback the bytes are then in the client's receive queue). Chunk i is written at
// arrival + TTFT_MS + i * ITL_MS (timer sleep, then a spin for the last SPIN_MS, default 2; 0 for many concurrent
// streams, where spinning would starve the machine). GET /stats?skip=N returns the true median TTFT (request
// arrival to the write of the first content chunk) and the true median gap between content writes over the streams
// after the first N to arrive (the client's warmup), to compare with what the client measured, and how late the
// server's own read of a request was after the kernel had it. POST /stats/reset clears them. With CERT.pem and KEY.pem it serves https (TLS through SslStream on the same stamped socket).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Cryptography.X509Certificates;
using System.Text;

if (Environment.GetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS") is null)
{
    // Reads complete on the socket engine's thread: the user-space stamp follows the kernel's without a hand-off.
    Environment.SetEnvironmentVariable("DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS", "1");
}

var inv = CultureInfo.InvariantCulture;
var port = args.Length > 0 ? int.Parse(args[0], inv) : 18090;
var ttftMs = args.Length > 1 ? double.Parse(args[1], inv) : 50;
var itlMs = args.Length > 2 ? double.Parse(args[2], inv) : 10;
var tokens = args.Length > 3 ? int.Parse(args[3], inv) : 32;
var spinMs = args.Length > 4 ? double.Parse(args[4], inv) : 2;
X509Certificate2? certificate = null;
if (args.Length > 6)
{
    // Exported and re-imported so that SslStream gets a certificate with a usable private key on Linux.
    using var pem = X509Certificate2.CreateFromPemFile(args[5], args[6]);
    certificate = X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
}

var server = new SseServer(ttftMs, itlMs, tokens, spinMs, certificate);
using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
StampedStream.EnableStamps(listener); // before any client connects: accepted sockets inherit it, and no request arrives unstamped
listener.Bind(new IPEndPoint(IPAddress.Loopback, port));
listener.Listen(4096);
Console.WriteLine($"sse-server on {(certificate is null ? "http" : "https")}://127.0.0.1:{port} (ttft {ttftMs} ms, itl {itlMs} ms, {tokens} tokens, spin {spinMs} ms; kernel receive stamps)");
while (true)
{
    var socket = await listener.AcceptAsync();
    _ = Task.Run(() => server.ServeAsync(socket));
}

/// <summary>One HTTP/1.1 keep-alive connection at a time per task; routes the three paths the benchmark uses.</summary>
internal sealed class SseServer(double ttftMs, double itlMs, int tokens, double spinMs, X509Certificate2? certificate)
{
    private readonly List<Record> records = [];
    private int connections;

    public async Task ServeAsync(Socket socket)
    {
        Interlocked.Increment(ref connections);
        socket.NoDelay = true;
        using var stamped = new StampedStream(socket);
        Stream stream = stamped;
        try
        {
            if (certificate is not null)
            {
                var tls = new SslStream(stamped, leaveInnerStreamOpen: true);
                await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate });
                stream = tls;
            }

            var reader = new RequestReader(stream, stamped);
            while (await reader.NextAsync() is { } request)
            {
                await RespondAsync(stream, request);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            // The client went away.
        }
        finally
        {
            stream.Dispose();
            socket.Dispose();
        }
    }

    private async Task RespondAsync(Stream stream, Request request)
    {
        switch (request.Method, request.Path)
        {
            case ("POST", "/v1/chat/completions"):
                await StreamAsync(stream, request);
                break;
            case ("GET", "/stats"):
                await PlainAsync(stream, "application/json", Stats(request.Skip));
                break;
            case ("POST", "/stats/reset"):
                lock (records)
                {
                    records.Clear();
                }

                await PlainAsync(stream, "text/plain", "reset");
                break;
            case ("GET", "/static.json"):
                await PlainAsync(stream, "application/json", "{\"ok\":true}");
                break;
            default:
                await PlainAsync(stream, "text/plain", "not found", "404 Not Found");
                break;
        }
    }

    private async Task StreamAsync(Stream stream, Request request)
    {
        var start = request.Arrival;
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nTransfer-Encoding: chunked\r\n\r\n";
        await WriteAsync(stream, head + Chunk("{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}"));
        var sent = new long[tokens];
        for (var i = 0; i < tokens; i++)
        {
            await WaitUntil(start, ttftMs + (i * itlMs), spinMs);
            var finish = i == tokens - 1 ? "\"stop\"" : "null";
            await WriteAsync(stream, Chunk($"{{\"choices\":[{{\"index\":0,\"delta\":{{\"content\":\"t{i} \"}},\"finish_reason\":{finish}}}]}}"));
            sent[i] = Stopwatch.GetTimestamp();
        }

        // Usage, [DONE] and the last chunk in one write: the client can reuse the connection at once.
        await WriteAsync(stream, Chunk($"{{\"choices\":[],\"usage\":{{\"prompt_tokens\":10,\"completion_tokens\":{tokens}}}}}") + Chunk("[DONE]") + "0\r\n\r\n");
        lock (records)
        {
            records.Add(new Record(request.Arrival, request.Read, sent));
        }
    }

    /// <summary>Medians over the streams after the first <paramref name="skip"/> to arrive (the client's warmup).</summary>
    private string Stats(int skip)
    {
        List<Record> kept;
        int skipped;
        lock (records)
        {
            kept = [.. records.OrderBy(r => r.Arrival).Skip(skip)];
            skipped = records.Count - kept.Count;
        }

        var ttfts = kept.Where(r => r.Sent.Length > 0).Select(r => Stopwatch.GetElapsedTime(r.Arrival, r.Sent[0]).TotalMilliseconds).ToList();
        var gaps = kept.SelectMany(r => r.Sent.Skip(1).Select((t, i) => Stopwatch.GetElapsedTime(r.Sent[i], t).TotalMilliseconds)).ToList();
        var readDelays = kept.Select(r => Stopwatch.GetElapsedTime(r.Arrival, r.Read).TotalMilliseconds).ToList();
        return string.Create(CultureInfo.InvariantCulture,
            $"{{\"requests\":{ttfts.Count},\"skipped\":{skipped},\"ttft_median_ms\":{Median(ttfts)},\"gap_median_ms\":{Median(gaps)},\"gaps\":{gaps.Count},"
            + $"\"read_delay_median_ms\":{Median(readDelays)},\"read_delay_p99_ms\":{Quantile(readDelays, 0.99)},\"connections\":{connections},"
            + $"\"kernel_stamped_reads\":{StampedStream.Stamped},\"unstamped_reads\":{StampedStream.Unstamped}}}");
    }

    private static string Chunk(string data)
    {
        var payload = $"data: {data}\n\n";
        return $"{Encoding.UTF8.GetByteCount(payload):x}\r\n{payload}\r\n";
    }

    private static async Task PlainAsync(Stream stream, string type, string body, string status = "200 OK")
    {
        var bytes = Encoding.UTF8.GetByteCount(body);
        await WriteAsync(stream, $"HTTP/1.1 {status}\r\nContent-Type: {type}\r\nContent-Length: {bytes}\r\n\r\n{body}");
    }

    private static async Task WriteAsync(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text));
        await stream.FlushAsync();
    }

    private static async Task WaitUntil(long start, double offsetMs, double spinMs)
    {
        var remaining = offsetMs - Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        if (remaining > spinMs + 1 || (spinMs == 0 && remaining > 0))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(remaining - spinMs));
        }

        while (Stopwatch.GetElapsedTime(start).TotalMilliseconds < offsetMs)
        {
            Thread.SpinWait(50);
        }
    }

    private static string Median(List<double> values) => Quantile(values, 0.5);

    private static string Quantile(List<double> values, double q)
    {
        if (values.Count == 0)
        {
            return "null";
        }

        var sorted = values.Order().ToList();
        if (q == 0.5 && sorted.Count % 2 == 0)
        {
            return ((sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2).ToString("R", CultureInfo.InvariantCulture);
        }

        var at = (int)Math.Min(sorted.Count - 1, Math.Floor(q * sorted.Count));
        return sorted[at].ToString("R", CultureInfo.InvariantCulture);
    }
}

/// <summary>A request: its method, path, ?skip=N, the kernel's arrival stamp of its first bytes and when this process read them.</summary>
internal sealed record Request(string Method, string Path, int Skip, long Arrival, long Read);

/// <summary>One stream: the request's arrival, when the server read it, and when each content chunk's write returned.</summary>
internal sealed record Record(long Arrival, long Read, long[] Sent);

/// <summary>Reads HTTP/1.1 requests (head and Content-Length body) from a stream, keeping bytes of the next one.</summary>
internal sealed class RequestReader(Stream stream, StampedStream stamps)
{
    private byte[] buffer = new byte[16 * 1024];
    private int end;
    private long arrival;
    private long read;

    public async Task<Request?> NextAsync()
    {
        if (end > 0)
        {
            // The next request's first bytes came with the last read.
            (arrival, read) = (stamps.LastArrival, stamps.LastRead);
        }
        else
        {
            arrival = 0;
        }

        int headEnd;
        while ((headEnd = buffer.AsSpan(0, end).IndexOf("\r\n\r\n"u8)) < 0)
        {
            if (!await FillAsync())
            {
                return null;
            }
        }

        var head = Encoding.Latin1.GetString(buffer, 0, headEnd);
        var lines = head.Split("\r\n");
        var first = lines[0].Split(' ');
        var length = 0;
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0 && line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(line[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        var total = headEnd + 4 + length;
        while (end < total)
        {
            if (!await FillAsync())
            {
                return null;
            }
        }

        Buffer.BlockCopy(buffer, total, buffer, 0, end - total);
        end -= total;
        var target = first.Length > 1 ? first[1].Split('?') : ["/"];
        var skip = target.Length > 1 && target[1].StartsWith("skip=", StringComparison.Ordinal) ? int.Parse(target[1][5..], CultureInfo.InvariantCulture) : 0;
        return new Request(first[0], target[0], skip, arrival, read);
    }

    private async Task<bool> FillAsync()
    {
        if (end == buffer.Length)
        {
            Array.Resize(ref buffer, buffer.Length * 2);
        }

        var n = await stream.ReadAsync(buffer.AsMemory(end));
        if (n == 0)
        {
            return false;
        }

        if (arrival == 0)
        {
            (arrival, read) = (stamps.LastArrival, stamps.LastRead);
        }

        end += n;
        return true;
    }
}

/// <summary>
/// A socket stream whose reads record the kernel's receive time of the bytes (SO_TIMESTAMPNS through recvmsg, in
/// CLOCK_MONOTONIC ticks as Stopwatch counts them) and the time this process got them. Where the kernel gives no
/// stamp, the read time stands in (counted in <see cref="Unstamped"/>).
/// </summary>
internal sealed class StampedStream : Stream
{
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35;
    private const int MsgDontWait = 0x40;
    private const int EAgain = 11;
    private const int EIntr = 4;
    private static readonly long RealtimeMinusMonotonicNs = MeasureClockOffset();
    private readonly Socket socket;
    private readonly int fd;

    public StampedStream(Socket socket)
    {
        this.socket = socket;
        fd = (int)socket.Handle;
        EnableStamps(socket);
    }

    /// <summary>Reads that returned bytes with a kernel stamp, and without one (the read time stood in).</summary>
    public static long Stamped;
    public static long Unstamped;

    public static void EnableStamps(Socket socket) => socket.SetRawSocketOption(SolSocket, SoTimestampNs, BitConverter.GetBytes(1));

    /// <summary>The kernel's receive time of the bytes of the last read, in Stopwatch ticks.</summary>
    public long LastArrival { get; private set; }

    /// <summary>When the last read returned, in Stopwatch ticks.</summary>
    public long LastRead { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var n = TryReceive(destination.Span);
            if (n >= 0)
            {
                return n;
            }

            // Nothing yet: a zero-byte receive waits until bytes are readable, then recvmsg takes them.
            await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, cancellationToken);
        }
    }

    private unsafe int TryReceive(Span<byte> destination)
    {
        var control = stackalloc byte[64];
        fixed (byte* data = destination)
        {
            var iov = new IoVec { Base = data, Length = (nuint)destination.Length };
            var header = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = 64 };
            var n = RecvMsg(fd, &header, MsgDontWait);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is EAgain or EIntr)
                {
                    return -1;
                }

                throw new IOException($"recvmsg failed: errno {errno}");
            }

            LastRead = Stopwatch.GetTimestamp();
            LastArrival = LastRead;
            if (n > 0)
            {
                var stamp = FindStamp(control, (long)header.ControlLength);
                if (stamp is { } realtimeNs)
                {
                    var arrival = realtimeNs - RealtimeMinusMonotonicNs; // Stopwatch ticks are CLOCK_MONOTONIC nanoseconds (checked at start)
                    LastArrival = Math.Min(arrival, LastRead);
                    Interlocked.Increment(ref Stamped);
                }
                else
                {
                    Interlocked.Increment(ref Unstamped);
                }
            }

            return (int)n;
        }
    }

    private static unsafe long? FindStamp(byte* control, long length)
    {
        long at = 0;
        while (at + 16 <= length)
        {
            var cmsgLength = *(long*)(control + at);
            var level = *(int*)(control + at + 8);
            var type = *(int*)(control + at + 12);
            if (level == SolSocket && type == SoTimestampNs && cmsgLength >= 32)
            {
                return (*(long*)(control + at + 16) * 1_000_000_000) + *(long*)(control + at + 24);
            }

            if (cmsgLength < 16)
            {
                break;
            }

            at += (cmsgLength + 7) & ~7L;
        }

        return null;
    }

    /// <summary>CLOCK_REALTIME minus CLOCK_MONOTONIC in nanoseconds, from the tightest of a few samples.</summary>
    private static unsafe long MeasureClockOffset()
    {
        var best = long.MaxValue;
        var offset = 0L;
        for (var i = 0; i < 50; i++)
        {
            TimeSpec a, m, b;
            ClockGetTime(0, &a);
            ClockGetTime(1, &m);
            ClockGetTime(0, &b);
            var ra = (a.Seconds * 1_000_000_000) + a.Nanoseconds;
            var rb = (b.Seconds * 1_000_000_000) + b.Nanoseconds;
            if (rb - ra < best)
            {
                best = rb - ra;
                offset = ((ra + rb) / 2) - ((m.Seconds * 1_000_000_000) + m.Nanoseconds);
            }
        }

        // Stopwatch must count CLOCK_MONOTONIC nanoseconds for the conversion to hold.
        TimeSpec now;
        ClockGetTime(1, &now);
        var mono = (now.Seconds * 1_000_000_000) + now.Nanoseconds;
        var watch = Stopwatch.GetTimestamp() * (1_000_000_000 / Stopwatch.Frequency);
        if (Stopwatch.Frequency != 1_000_000_000 || Math.Abs(watch - mono) > 1_000_000)
        {
            throw new InvalidOperationException("Stopwatch does not count CLOCK_MONOTONIC nanoseconds here");
        }

        return offset;
    }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> source, CancellationToken cancellationToken = default)
    {
        while (!source.IsEmpty)
        {
            var sent = await socket.SendAsync(source, SocketFlags.None, cancellationToken);
            source = source[sent..];
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public override void Flush() { }
    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    [DllImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static extern unsafe nint RecvMsg(int socket, MsgHdr* message, int flags);

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern unsafe int ClockGetTime(int clock, TimeSpec* time);

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct IoVec
    {
        public byte* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
