namespace Gates.EvalGate.Results;

/// <summary>
/// Python's json module writes NaN, Infinity and -Infinity as bare tokens, which are not JSON. They are rewritten
/// as the strings "NaN", "Infinity" and "-Infinity" so the file parses and the metric is reported as not finite.
/// </summary>
internal static class NonFiniteTokens
{
    private static readonly byte[][] Tokens = ["-Infinity"u8.ToArray(), "Infinity"u8.ToArray(), "NaN"u8.ToArray()];

    public static bool IsNonFiniteText(string text) => text is "NaN" or "Infinity" or "-Infinity";

    /// <summary>A copy with the bare tokens quoted, or null when there are none.</summary>
    public static byte[]? Quote(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("NaN"u8) < 0 && json.IndexOf("Infinity"u8) < 0)
        {
            return null;
        }

        var output = new List<byte>(json.Length + 16);
        var inString = false;
        var changed = false;
        for (var i = 0; i < json.Length; i++)
        {
            var b = json[i];
            if (inString)
            {
                output.Add(b);
                if (b == (byte)'\\' && i + 1 < json.Length)
                {
                    output.Add(json[++i]);
                }
                else if (b == (byte)'"')
                {
                    inString = false;
                }

                continue;
            }

            if (b == (byte)'"')
            {
                inString = true;
                output.Add(b);
                continue;
            }

            var token = TokenAt(json[i..]);
            if (token is null)
            {
                output.Add(b);
                continue;
            }

            output.Add((byte)'"');
            output.AddRange(token);
            output.Add((byte)'"');
            i += token.Length - 1;
            changed = true;
        }

        return changed ? [.. output] : null;
    }

    private static byte[]? TokenAt(ReadOnlySpan<byte> rest)
    {
        foreach (var token in Tokens)
        {
            if (rest.StartsWith(token))
            {
                return token;
            }
        }

        return null;
    }
}
