using System.Text;

namespace Gates.LatencyBench.Http;

/// <summary>One server-sent event: its <c>event:</c> type (null for the default) and its joined <c>data:</c> lines.</summary>
internal readonly record struct SseEvent(string? Type, byte[] Data)
{
    public bool IsDone => Data.AsSpan().SequenceEqual("[DONE]"u8);

    public override string ToString() => Encoding.UTF8.GetString(Data);
}

/// <summary>
/// Incremental server-sent-events parser (WHATWG framing): lines end in LF, CRLF or CR; a blank line ends an event;
/// lines starting with ':' are comments (keep-alive pings); several data lines are joined with LF. Bytes may arrive
/// split anywhere, including inside a line or a multi-byte character.
/// </summary>
internal sealed class SseParser
{
    /// <summary>A line longer than this without a line end is treated as a malformed stream.</summary>
    public const int MaxLineBytes = 16 * 1024 * 1024;

    private readonly List<byte> data = [];
    private byte[] line = new byte[512];
    private int lineLength;
    private bool lastWasCr;
    private bool hasData;
    private string? type;

    /// <summary>Feeds bytes and appends every event they complete to <paramref name="events"/>.</summary>
    public void Feed(ReadOnlySpan<byte> bytes, List<SseEvent> events)
    {
        while (!bytes.IsEmpty)
        {
            if (lastWasCr && bytes[0] == (byte)'\n')
            {
                bytes = bytes[1..];
                lastWasCr = false;
                continue;
            }

            lastWasCr = false;
            var end = bytes.IndexOfAny((byte)'\n', (byte)'\r');
            if (end < 0)
            {
                Append(bytes);
                return;
            }

            Append(bytes[..end]);
            lastWasCr = bytes[end] == (byte)'\r';
            bytes = bytes[(end + 1)..];
            ProcessLine(line.AsSpan(0, lineLength), events);
            lineLength = 0;
        }
    }

    /// <summary>True when bytes of an unfinished event are buffered (the stream stopped mid-event).</summary>
    public bool HasPartialEvent => lineLength > 0 || hasData;

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (lineLength + bytes.Length > MaxLineBytes)
        {
            throw new MalformedStreamException($"an SSE line is longer than {MaxLineBytes} bytes");
        }

        if (lineLength + bytes.Length > line.Length)
        {
            Array.Resize(ref line, Math.Max(line.Length * 2, lineLength + bytes.Length));
        }

        bytes.CopyTo(line.AsSpan(lineLength));
        lineLength += bytes.Length;
    }

    private void ProcessLine(ReadOnlySpan<byte> text, List<SseEvent> events)
    {
        if (text.IsEmpty)
        {
            if (hasData)
            {
                events.Add(new SseEvent(type, [.. data]));
            }

            data.Clear();
            hasData = false;
            type = null;
            return;
        }

        if (text[0] == (byte)':')
        {
            return;
        }

        var colon = text.IndexOf((byte)':');
        var field = colon < 0 ? text : text[..colon];
        var value = colon < 0 ? [] : text[(colon + 1)..];
        if (!value.IsEmpty && value[0] == (byte)' ')
        {
            value = value[1..];
        }

        if (field.SequenceEqual("data"u8))
        {
            if (hasData)
            {
                data.Add((byte)'\n');
            }

            data.AddRange(value);
            hasData = true;
        }
        else if (field.SequenceEqual("event"u8))
        {
            type = Encoding.UTF8.GetString(value);
        }
    }
}

/// <summary>The response body broke the protocol (bad SSE framing, invalid JSON, an error event).</summary>
internal sealed class MalformedStreamException(string message) : Exception(message);
