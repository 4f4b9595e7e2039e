using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>
/// A response body read from a <see cref="RawConnection"/>: by Content-Length, chunked transfer coding, or until the
/// server closes. <see cref="Complete"/> says whether it was read to its end (and the connection may be reused).
/// A connection keeps one body reader and starts it afresh for each response.
/// </summary>
internal sealed class RawBody : Stream, IReceiveClock
{
    private RawConnection connection = null!;
    private bool chunked;
    private bool untilClose;
    private long remaining;
    private bool chunkTrailerPending;

    /// <summary>Starts reading the body of the response whose head was just read from <paramref name="from"/>.</summary>
    public RawBody Start(RawConnection from, ResponseHead head, bool noBody)
    {
        connection = from;
        chunked = !noBody && head.Chunked;
        untilClose = !noBody && !head.Chunked && head.ContentLength is null;
        remaining = noBody ? 0 : head.ContentLength ?? 0;
        chunkTrailerPending = false;
        Complete = noBody || (!chunked && !untilClose && remaining == 0);
        return this;
    }

    /// <summary>
    /// Skips a Content-Length body that has fully arrived already (the usual small response), without a read call;
    /// false when more must be read.
    /// </summary>
    public bool TrySkipBuffered()
    {
        if (Complete)
        {
            return true;
        }

        if (chunked || untilClose || connection.Buffered < remaining)
        {
            return false;
        }

        connection.Consume((int)remaining);
        remaining = 0;
        Complete = true;
        return true;
    }

    public bool Complete { get; private set; }

    /// <inheritdoc/>
    public long LastReceived => connection.LastReceived;

    /// <summary>The body ran to the server's close: the connection cannot be reused.</summary>
    public bool EndedByClose => untilClose;

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public override async ValueTask<int> ReadAsync(Memory<byte> destination, CancellationToken cancellationToken = default)
    {
        if (Complete || destination.IsEmpty)
        {
            return 0;
        }

        if (chunked && remaining == 0 && !await NextChunkAsync(cancellationToken).ConfigureAwait(false))
        {
            Complete = true;
            return 0;
        }

        if (connection.Buffered == 0 && await connection.FillAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            if (untilClose)
            {
                Complete = true;
                return 0;
            }

            throw new IOException("the server closed the connection in the middle of the response body");
        }

        var take = connection.Buffered;
        if (!untilClose)
        {
            take = (int)Math.Min(take, remaining);
        }

        take = Math.Min(take, destination.Length);
        connection.BufferedSpan[..take].CopyTo(destination.Span);
        connection.Consume(take);
        if (!untilClose)
        {
            remaining -= take;
            if (!chunked && remaining == 0)
            {
                Complete = true;
            }

            chunkTrailerPending = chunked && remaining == 0;
        }

        return take;
    }

    /// <summary>
    /// Completes a chunked body whose last chunk is already buffered (an SSE reader stops at <c>[DONE]</c>, just
    /// before it), so the connection can be reused without waiting for anything.
    /// </summary>
    public bool TryCompleteFromBuffer()
    {
        if (Complete || !chunked || remaining != 0)
        {
            return Complete;
        }

        ReadOnlySpan<byte> last = chunkTrailerPending ? "\r\n0\r\n\r\n"u8 : "0\r\n\r\n"u8;
        if (connection.BufferedSpan.SequenceEqual(last))
        {
            connection.Consume(last.Length);
            Complete = true;
        }

        return Complete;
    }

    /// <summary>Reads the next chunk-size line; false after the last chunk and its trailers.</summary>
    private async ValueTask<bool> NextChunkAsync(CancellationToken ct)
    {
        if (chunkTrailerPending)
        {
            var crlf = await LineAsync(ct).ConfigureAwait(false);
            if (crlf.Length != 0)
            {
                throw new MalformedStreamException("chunk data is not followed by CRLF");
            }

            chunkTrailerPending = false;
        }

        var line = await LineAsync(ct).ConfigureAwait(false);
        var hex = line.Split(';')[0].Trim();
        if (!long.TryParse(hex, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var size) || size < 0)
        {
            throw new MalformedStreamException($"invalid chunk size '{(hex.Length > 20 ? hex[..20] : hex)}'");
        }

        if (size > 0)
        {
            remaining = size;
            return true;
        }

        while ((await LineAsync(ct).ConfigureAwait(false)).Length > 0)
        {
            // Trailer fields are ignored.
        }

        return false;
    }

    private async ValueTask<string> LineAsync(CancellationToken ct)
    {
        while (true)
        {
            var at = connection.BufferedSpan.IndexOf("\r\n"u8);
            if (at >= 0)
            {
                var text = Encoding.Latin1.GetString(connection.BufferedSpan[..at]);
                connection.Consume(at + 2);
                return text;
            }

            if (connection.Buffered > 8192)
            {
                throw new MalformedStreamException("a chunk-size line is longer than 8192 bytes");
            }

            if (await connection.FillAsync(ct).ConfigureAwait(false) == 0)
            {
                throw new IOException("the server closed the connection in the middle of a chunked body");
            }
        }
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
