using System.Buffers.Text;
using System.Text;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>The parsed status line and the headers that framing needs.</summary>
internal sealed record ResponseHead(int Status, string Reason, string? MediaType, long? ContentLength, bool Chunked, bool Close)
{
    /// <summary>Parses the bytes of a response head (without the final blank line), without a string per line.</summary>
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var lineEnd = head.IndexOf("\r\n"u8);
        var statusLine = lineEnd < 0 ? head : head[..lineEnd];
        var rest = lineEnd < 0 ? [] : head[(lineEnd + 2)..];
        if (statusLine.Length < 12 || !statusLine.StartsWith("HTTP/1."u8) || statusLine[8] != (byte)' '
            || !Utf8Parser.TryParse(statusLine.Slice(9, 3), out int code, out var used) || used != 3 || code < 100
            || (statusLine.Length > 12 && statusLine[12] != (byte)' '))
        {
            throw new MalformedStreamException($"not an HTTP/1.x response: '{Truncate(Encoding.Latin1.GetString(statusLine))}'");
        }

        var reason = statusLine.Length > 13 ? Encoding.Latin1.GetString(statusLine[13..]) : "";
        string? mediaType = null;
        long? length = null;
        var chunked = false;
        var close = statusLine[7] == (byte)'0';
        while (!rest.IsEmpty)
        {
            lineEnd = rest.IndexOf("\r\n"u8);
            var line = lineEnd < 0 ? rest : rest[..lineEnd];
            rest = lineEnd < 0 ? [] : rest[(lineEnd + 2)..];
            var colon = line.IndexOf((byte)':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim((byte)' ');
            var value = line[(colon + 1)..].Trim((byte)' ');
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                length = Utf8Parser.TryParse(value, out long n, out var consumed) && consumed == value.Length && n >= 0
                    ? n
                    : throw new MalformedStreamException($"invalid Content-Length '{Truncate(Encoding.Latin1.GetString(value))}'");
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                chunked = Contains(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Type"u8))
            {
                var semicolon = value.IndexOf((byte)';');
                mediaType = Encoding.Latin1.GetString((semicolon < 0 ? value : value[..semicolon]).Trim((byte)' ')).ToLowerInvariant();
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                close = Contains(value, "close"u8) || (close && !Contains(value, "keep-alive"u8));
            }
        }

        return new ResponseHead(code, reason, mediaType, length, chunked, close);
    }

    private static bool Contains(ReadOnlySpan<byte> value, ReadOnlySpan<byte> word)
    {
        for (var i = 0; i + word.Length <= value.Length; i++)
        {
            if (Ascii.EqualsIgnoreCase(value.Slice(i, word.Length), word))
            {
                return true;
            }
        }

        return false;
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
