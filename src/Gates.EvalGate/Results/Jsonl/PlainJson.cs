using System.Runtime.CompilerServices;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The pieces of JSON grammar the plain-line path of <see cref="LineScanner"/> reads itself: whitespace, strings
/// without escapes, numbers and the three literals. Each returns where its token ends, or -1 where the text is
/// anything else (then the line goes to the general parser, which reads or rejects it).
/// </summary>
internal static class PlainJson
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SkipSpace(ReadOnlySpan<byte> line, int at)
    {
        while (at < line.Length && line[at] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            at++;
        }

        return at;
    }

    /// <summary>The index of the closing quote of a string whose text starts at <paramref name="at"/>; -1 for an escape or a control character.</summary>
    public static int StringEnd(ReadOnlySpan<byte> line, int at)
    {
        for (; at < line.Length; at++)
        {
            var b = line[at];
            if (b == (byte)'"')
            {
                return at;
            }

            if (b == (byte)'\\' || b < 0x20)
            {
                return -1;
            }
        }

        return -1;
    }

    /// <summary>The end of a JSON number starting at <paramref name="at"/>: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    public static int NumberEnd(ReadOnlySpan<byte> line, int at)
    {
        if (at < line.Length && line[at] == (byte)'-')
        {
            at++;
        }

        if (at < line.Length && line[at] == (byte)'0')
        {
            at++;
        }
        else if ((at = Digits(line, at)) < 0)
        {
            return -1;
        }

        if (at < line.Length && line[at] == (byte)'.' && (at = Digits(line, at + 1)) < 0)
        {
            return -1;
        }

        if (at < line.Length && (line[at] | 0x20) == (byte)'e')
        {
            at++;
            if (at < line.Length && line[at] is (byte)'+' or (byte)'-')
            {
                at++;
            }

            return Digits(line, at);
        }

        return at;
    }

    /// <summary>The end of <paramref name="literal"/> at <paramref name="at"/>, or -1.</summary>
    public static int LiteralEnd(ReadOnlySpan<byte> line, int at, ReadOnlySpan<byte> literal) =>
        line[at..].StartsWith(literal) ? at + literal.Length : -1;

    /// <summary>The end of one or more digits at <paramref name="at"/>, or -1 where there is none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> line, int at)
    {
        var start = at;
        while (at < line.Length && (uint)(line[at] - '0') <= 9)
        {
            at++;
        }

        return at > start ? at : -1;
    }
}
