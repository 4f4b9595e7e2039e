using System.Net.Sockets;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>
/// The socket stream under TLS: remembers when the bytes of its last read arrived (the kernel's stamp with
/// <paramref name="kernel"/>, else the time the read returned), before TLS decrypts them.
/// </summary>
internal sealed class StampedNetworkStream(Socket socket, bool kernel, TimeProvider time) : NetworkStream(socket, ownsSocket: true)
{
    public long LastReceived { get; private set; }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (kernel && !buffer.IsEmpty)
        {
            var (read, stamp) = await KernelStamps.ReceiveAsync(Socket, buffer, time, cancellationToken).ConfigureAwait(false);
            LastReceived = stamp;
            return read;
        }

        var n = await base.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        LastReceived = time.GetTimestamp();
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
}
