using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>
/// The kernel's receive time of socket bytes (Linux SO_TIMESTAMPNS through recvmsg), converted to Stopwatch ticks
/// (CLOCK_MONOTONIC). A busy client reads a socket some time after its bytes arrived (at 1,000 streams, after the
/// other sockets that became readable with it); the kernel's stamp does not include that wait. Only where the
/// receive clock is the system one and Stopwatch counts CLOCK_MONOTONIC nanoseconds; elsewhere callers keep
/// stamping the time their read returned.
/// </summary>
internal static class KernelStamps
{
    private const int SolSocket = 1;
    private const int SoTimestampNs = 35;
    private const int MsgDontWait = 0x40;
    private const int EAgain = 11;
    private const int EIntr = 4;
    private const int ControlBytes = 64;
    private const long NanosPerSecond = 1_000_000_000;

    private static readonly long? RealtimeMinusMonotonic = MeasureOffset();

    /// <summary>Turns kernel stamps on for <paramref name="socket"/>; false where they are not available.</summary>
    public static bool TryEnable(Socket socket, TimeProvider time)
    {
        if (RealtimeMinusMonotonic is null || time != TimeProvider.System)
        {
            return false;
        }

        try
        {
            socket.SetRawSocketOption(SolSocket, SoTimestampNs, BitConverter.GetBytes(1));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Receives what is waiting without blocking: the byte count (0 when the peer closed) and the kernel's receive
    /// time of the last of them (0 when the kernel gave none); -1 when nothing is waiting.
    /// </summary>
    public static unsafe int TryReceive(Socket socket, Span<byte> destination, out long stamp)
    {
        stamp = 0;
        var control = stackalloc byte[ControlBytes];
        fixed (byte* data = destination)
        {
            var iov = new IoVec { Base = data, Length = (nuint)destination.Length };
            var header = new MsgHdr { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlBytes };
            var n = RecvMsg((int)socket.Handle, &header, MsgDontWait);
            if (n < 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                if (errno is EAgain or EIntr)
                {
                    return -1;
                }

                throw new SocketException(errno == 104 ? (int)SocketError.ConnectionReset : (int)SocketError.SocketError);
            }

            if (n > 0 && FindRealtime(control, (long)header.ControlLength) is { } realtime)
            {
                stamp = realtime - RealtimeMinusMonotonic!.Value;
            }

            return (int)n;
        }
    }

    /// <summary>
    /// Receives into <paramref name="destination"/>, waiting until bytes are readable (a zero-byte receive), and
    /// returns the count and the kernel's receive stamp of the last of them (the read time when there is none).
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<(int Read, long Stamp)> ReceiveAsync(Socket socket, Memory<byte> destination, TimeProvider time, CancellationToken ct)
    {
        while (true)
        {
            var read = TryReceive(socket, destination.Span, out var kernel);
            if (read >= 0)
            {
                return (read, Choose(kernel, time.GetTimestamp()));
            }

            await socket.ReceiveAsync(Memory<byte>.Empty, SocketFlags.None, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The stamp to use for bytes read at <paramref name="now"/>: the kernel's when it is plausible, else now.</summary>
    public static long Choose(long kernel, long now) => kernel > 0 && kernel <= now && now - kernel < 60 * NanosPerSecond ? kernel : now;

    private static unsafe long? FindRealtime(byte* control, long length)
    {
        long at = 0;
        while (at + 16 <= length)
        {
            var cmsgLength = *(long*)(control + at);
            var level = *(int*)(control + at + 8);
            var type = *(int*)(control + at + 12);
            if (level == SolSocket && type == SoTimestampNs && cmsgLength >= 32)
            {
                return (*(long*)(control + at + 16) * NanosPerSecond) + *(long*)(control + at + 24);
            }

            if (cmsgLength < 16)
            {
                break;
            }

            at += (cmsgLength + 7) & ~7L;
        }

        return null;
    }

    /// <summary>CLOCK_REALTIME − CLOCK_MONOTONIC in nanoseconds from the tightest of a few samples; null where unusable.</summary>
    private static unsafe long? MeasureOffset()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)
            || Stopwatch.Frequency != NanosPerSecond)
        {
            return null;
        }

        try
        {
            var best = long.MaxValue;
            var offset = 0L;
            for (var i = 0; i < 20; i++)
            {
                TimeSpec a, m, b;
                _ = ClockGetTime(0, &a);
                _ = ClockGetTime(1, &m);
                _ = ClockGetTime(0, &b);
                if (b.Nanos - a.Nanos < best)
                {
                    best = b.Nanos - a.Nanos;
                    offset = ((a.Nanos + b.Nanos) / 2) - m.Nanos;
                }
            }

            TimeSpec now;
            _ = ClockGetTime(1, &now);
            return Math.Abs(Stopwatch.GetTimestamp() - now.Nanos) < 10_000_000 ? offset : null;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
    }

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

        public readonly long Nanos => (Seconds * NanosPerSecond) + Nanoseconds;
    }
}
