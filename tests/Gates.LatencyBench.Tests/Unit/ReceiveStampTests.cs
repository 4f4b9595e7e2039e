using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gates.LatencyBench.Http;
using Gates.LatencyBench.Http.Raw;
using Gates.LatencyBench.Measure;
using Microsoft.Extensions.Time.Testing;

namespace Gates.LatencyBench.Tests.Unit;

/// <summary>Stream chunks are stamped with the receive that delivered them, not with the time they were parsed.</summary>
public class ReceiveStampTests
{
    private const string Role = "data: {\"choices\":[{\"delta\":{\"role\":\"assistant\",\"content\":\"\"}}]}\n\n";

    private static string Token(string text, bool last = false) =>
        $"data: {{\"choices\":[{{\"delta\":{{\"content\":\"{text}\"}},\"finish_reason\":{(last ? "\"stop\"" : "null")}}}]}}\n\n";

    [Fact]
    public async Task Events_that_arrived_together_share_their_receive_stamp_however_late_they_are_parsed()
    {
        var clock = new FakeTimeProvider();
        clock.Advance(TimeSpan.FromSeconds(50));
        var body = new ReceivedPieces(
            (Role + Token("a") + Token("b"), 1_000),
            (Token("c", last: true) + "data: [DONE]\n\n", 4_000));
        var outcome = new RequestOutcome { Index = 0, Intended = 500 };

        await new SseResponseReader(clock).ReadAsync(body, new byte[4096], outcome, CancellationToken.None);

        outcome.Succeeded.ShouldBeTrue();
        outcome.FirstToken.ShouldBe(1_000);
        outcome.ChunkTimes.ShouldBe([1_000, 1_000, 4_000]);
        outcome.LastToken.ShouldBe(4_000);
    }

    [Fact]
    public async Task Bodies_without_a_receive_clock_are_stamped_when_the_read_returns()
    {
        var clock = new FakeTimeProvider();
        var stamp = clock.GetTimestamp();
        var body = new MemoryStream(Encoding.UTF8.GetBytes(Role + Token("a", last: true) + "data: [DONE]\n\n"));
        var outcome = new RequestOutcome { Index = 0, Intended = stamp };

        await new SseResponseReader(clock).ReadAsync(body, new byte[4096], outcome, CancellationToken.None);

        outcome.ChunkTimes.ShouldBe([stamp]);
    }

    [Fact]
    public void A_kernel_stamp_is_used_only_when_it_is_plausible()
    {
        const long now = 100_000_000_000;
        KernelStamps.Choose(now - 5_000, now).ShouldBe(now - 5_000);
        KernelStamps.Choose(0, now).ShouldBe(now);
        KernelStamps.Choose(now + 1, now).ShouldBe(now);
        KernelStamps.Choose(now - (61L * 1_000_000_000), now).ShouldBe(now);
    }

    [Fact]
    public async Task The_kernel_stamp_is_the_arrival_not_the_later_read()
    {
        var (sender, receiver) = await ConnectedPair();
        using var senderSocket = sender;
        using var receiverSocket = receiver;
        if (!OperatingSystem.IsLinux())
        {
            KernelStamps.TryEnable(receiver, TimeProvider.System).ShouldBeFalse();
            return;
        }

        KernelStamps.TryEnable(receiver, TimeProvider.System).ShouldBeTrue();
        KernelStamps.TryEnable(receiver, new FakeTimeProvider()).ShouldBeFalse();
        await UntilTheKernelStamps(sender, receiver);
        var beforeSend = Stopwatch.GetTimestamp();
        await sender.SendAsync("data: x\n\n"u8.ToArray());
        await Task.Delay(50);
        var beforeRead = Stopwatch.GetTimestamp();

        var buffer = new byte[64];
        var (read, stamp) = await KernelStamps.ReceiveAsync(receiver, buffer, TimeProvider.System, CancellationToken.None);

        read.ShouldBe(9);
        stamp.ShouldBeGreaterThanOrEqualTo(beforeSend);
        stamp.ShouldBeLessThan(beforeRead);
    }

    [Fact]
    public async Task A_kernel_stamped_receive_waits_for_bytes_and_sees_the_close()
    {
        var (sender, receiver) = await ConnectedPair();
        using var senderSocket = sender;
        using var receiverSocket = receiver;
        if (!KernelStamps.TryEnable(receiver, TimeProvider.System))
        {
            OperatingSystem.IsLinux().ShouldBeFalse();
            return;
        }

        var buffer = new byte[64];
        var pending = KernelStamps.ReceiveAsync(receiver, buffer, TimeProvider.System, CancellationToken.None).AsTask();
        await Task.Delay(20);
        pending.IsCompleted.ShouldBeFalse();
        await sender.SendAsync("hello"u8.ToArray());
        (await pending).Read.ShouldBe(5);
        sender.Shutdown(SocketShutdown.Send);
        (await KernelStamps.ReceiveAsync(receiver, buffer, TimeProvider.System, CancellationToken.None)).Read.ShouldBe(0);
    }

    /// <summary>
    /// Linux switches receive stamping on for the whole system from a deferred work item after the first socket asks
    /// for it; until then bytes arrive unstamped (and are stamped when read). Exchange bytes until one carries a stamp.
    /// </summary>
    private static async Task UntilTheKernelStamps(Socket sender, Socket receiver)
    {
        var buffer = new byte[64];
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await sender.SendAsync("w"u8.ToArray());
            int read;
            long stamp;
            while ((read = KernelStamps.TryReceive(receiver, buffer, out stamp)) < 0)
            {
                await Task.Delay(5);
            }

            read.ShouldBe(1);
            if (stamp != 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new ShouldAssertException("the kernel never stamped a receive within 10 s of SO_TIMESTAMPNS being set");
    }

    /// <summary>Two ends of one TCP connection on 127.0.0.1.</summary>
    private static async Task<(Socket Sender, Socket Receiver)> ConnectedPair()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await sender.ConnectAsync(listener.LocalEndPoint!);
        return (sender, await listener.AcceptAsync());
    }

    /// <summary>A body whose reads return the given pieces, each with the receive stamp it arrived with.</summary>
    private sealed class ReceivedPieces(params (string Text, long Stamp)[] pieces) : Stream, IReceiveClock
    {
        private int next;

        public long LastReceived { get; private set; }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (next == pieces.Length)
            {
                return ValueTask.FromResult(0);
            }

            var (text, stamp) = pieces[next++];
            LastReceived = stamp;
            return ValueTask.FromResult(Encoding.UTF8.GetBytes(text, buffer.Span));
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
