using System.Globalization;
using System.Text;

namespace Gates.LatencyBench.Http.Raw;

/// <summary>The parsed status line and the headers that framing needs.</summary>
internal sealed record ResponseHead(int Status, string Reason, string? MediaType, long? ContentLength, bool Chunked, bool Close)
{
    /// <summary>Parses the bytes of a response head (without the final blank line).</summary>
    public static ResponseHead Parse(ReadOnlySpan<byte> head)
    {
        var text = Encoding.Latin1.GetString(head);
        var lines = text.Split("\r\n");
        var status = lines[0].Split(' ', 3);
        if (status.Length < 2 || !status[0].StartsWith("HTTP/1.", StringComparison.Ordinal)
            || !int.TryParse(status[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 999)
        {
            throw new MalformedStreamException($"not an HTTP/1.x response: '{Truncate(lines[0])}'");
        }

        string? mediaType = null;
        long? length = null;
        var chunked = false;
        var close = status[0] == "HTTP/1.0";
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0)
            {
                continue;
            }

            var name = line[..colon].Trim();
            var value = line[(colon + 1)..].Trim();
            if (name.Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                    ? n
                    : throw new MalformedStreamException($"invalid Content-Length '{Truncate(value)}'");
            }
            else if (name.Equals("Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                chunked = value.Contains("chunked", StringComparison.OrdinalIgnoreCase);
            }
            else if (name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                mediaType = value.Split(';')[0].Trim().ToLowerInvariant();
            }
            else if (name.Equals("Connection", StringComparison.OrdinalIgnoreCase))
            {
                close = value.Contains("close", StringComparison.OrdinalIgnoreCase)
                    || (close && !value.Contains("keep-alive", StringComparison.OrdinalIgnoreCase));
            }
        }

        return new ResponseHead(code, status.Length > 2 ? status[2] : "", mediaType, length, chunked, close);
    }

    private static string Truncate(string s) => s.Length <= 80 ? s : s[..80] + "…";
}
