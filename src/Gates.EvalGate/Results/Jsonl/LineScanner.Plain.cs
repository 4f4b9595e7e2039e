using System.Globalization;
using System.Text;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The plain-line path: most lines of a results file are one object of names without escapes, numbers, short
/// strings, literals and nested objects. It reads those in one pass over the bytes, checking the grammar as it goes,
/// and gives exactly the events the general path gives. At anything else (an array, an escape, a repeated name,
/// NaN or Infinity, invalid JSON) it gives up, its events are dropped, and the general path reads the line.
/// </summary>
internal sealed partial class LineScanner
{
    private const int PlainDepth = 32;

    /// <summary>False to read every line with the general parser (tests compare the two paths).</summary>
    public bool PlainPath { get; init; } = true;

    /// <summary>How many lines the plain path read (the rest went to the general parser).</summary>
    public long PlainLines { get; private set; }

    private bool TryScanPlain(ReadOnlySpan<byte> line, ScannedLines into)
    {
        var at = PlainJson.SkipSpace(line, 0);
        if (at == line.Length || line[at] != (byte)'{')
        {
            return false;
        }

        var depth = 0;
        var position = 0;
        prefix[0] = 0;
        parents[0] = -1;
        at = PlainJson.SkipSpace(line, at + 1);
        var closing = at < line.Length && line[at] == (byte)'}';
        while (true)
        {
            if (closing)
            {
                at = PlainJson.SkipSpace(line, at + 1);
                if (--depth < 0)
                {
                    return at == line.Length;
                }
            }
            else
            {
                if (at == line.Length || line[at] != (byte)'"')
                {
                    return false;
                }

                var nameStart = at + 1;
                var parent = parents[depth];
                var predicted = Predicted(line, nameStart, position, parent);
                var nameEnd = predicted is null ? PlainJson.StringEnd(line, nameStart) : nameStart + predicted.Utf8.Length - prefix[depth];
                if (nameEnd < 0)
                {
                    return false;
                }

                var nameText = line[nameStart..nameEnd];
                at = PlainJson.SkipSpace(line, nameEnd + 1);
                if (at == line.Length || line[at] != (byte)':')
                {
                    return false;
                }

                at = PlainJson.SkipSpace(line, at + 1);
                var length = prefix[depth] + nameText.Length;
                var field = predicted;
                if (field is null)
                {
                    if (depth > 0)
                    {
                        EnsureName(length + 1);
                        nameText.CopyTo(name.AsSpan(prefix[depth]));
                    }

                    field = table.Find(depth > 0 ? name.AsSpan(0, length) : nameText, position);
                    Remember(position, parent, field, prefix[depth]);
                }

                position++;
                if (field.LastLine == sequence || at == line.Length)
                {
                    return false;
                }

                field.LastLine = sequence;
                if (line[at] == (byte)'{')
                {
                    if (depth + 1 == PlainDepth)
                    {
                        return false;
                    }

                    into.Add(field, EventKind.Object);
                    EnsureName(length + 1);
                    nameText.CopyTo(name.AsSpan(prefix[depth]));
                    name[length] = (byte)'.';
                    if (++depth == prefix.Length)
                    {
                        Array.Resize(ref prefix, prefix.Length * 2);
                    }

                    prefix[depth] = length + 1;
                    parents[depth] = field.Index;
                    at = PlainJson.SkipSpace(line, at + 1);
                    closing = at < line.Length && line[at] == (byte)'}';
                    continue;
                }

                at = PlainValue(line, at, field, into);
                if (at < 0)
                {
                    return false;
                }

                at = PlainJson.SkipSpace(line, at);
            }

            if (at == line.Length)
            {
                return false;
            }

            if (line[at] == (byte)',')
            {
                at = PlainJson.SkipSpace(line, at + 1);
                closing = false;
            }
            else
            {
                closing = line[at] == (byte)'}';
                if (!closing)
                {
                    return false;
                }
            }
        }
    }

    /// <summary>Adds the event of the value at <paramref name="at"/> and returns its end; -1 where it is not plain.</summary>
    private int PlainValue(ReadOnlySpan<byte> line, int at, ScanField field, ScannedLines into)
    {
        switch (line[at])
        {
            case (byte)'"':
                var end = PlainJson.StringEnd(line, at + 1);
                var text = end < 0 ? default : line[(at + 1)..end];
                if (end < 0 || text.SequenceEqual("NaN"u8) || text.SequenceEqual("Infinity"u8) || text.SequenceEqual("-Infinity"u8))
                {
                    // The general path reads these strings as non-finite numbers when the line also holds a bare NaN.
                    return -1;
                }

                AddString(field, text, into);
                return end + 1;
            case (byte)'t':
                return PlainLiteral(line, at, "true"u8, field, EventKind.Boolean, 1, into);
            case (byte)'f':
                return PlainLiteral(line, at, "false"u8, field, EventKind.Boolean, 0, into);
            case (byte)'n':
                return PlainLiteral(line, at, "null"u8, field, EventKind.Null, 0, into);
            default:
                var numberEnd = PlainJson.NumberEnd(line, at);
                if (numberEnd < 0)
                {
                    return -1;
                }

                var number = line[at..numberEnd];
                if (!FastNumber.TryParse(number, out var value) && !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                {
                    return -1;
                }

                AddNumber(field, number, value, into);
                return numberEnd;
        }
    }

    private static int PlainLiteral(ReadOnlySpan<byte> line, int at, ReadOnlySpan<byte> literal, ScanField field, EventKind kind, double number, ScannedLines into)
    {
        var end = PlainJson.LiteralEnd(line, at, literal);
        if (end >= 0)
        {
            into.Add(field, kind, number);
        }

        return end;
    }

    /// <summary>A number's event: non-finite (parsed beyond double's range), an id's text or hash, or its value.</summary>
    private void AddNumber(ScanField field, ReadOnlySpan<byte> text, double value, ScannedLines into)
    {
        if (!double.IsFinite(value))
        {
            into.Add(field, EventKind.NonFinite);
        }
        else if (hashIds && field.Candidate >= 0)
        {
            into.AddIdHash(field, EventKind.Number, IdHashes.Hash(text));
        }
        else
        {
            into.Add(field, EventKind.Number, value, field.Candidate >= 0 ? Encoding.UTF8.GetString(text) : null);
        }
    }

    /// <summary>A string's event from its unescaped UTF-8: an id keeps its text (or hash), other strings only their kind.</summary>
    private void AddString(ScanField field, ReadOnlySpan<byte> text, ScannedLines into)
    {
        if (hashIds && field.Candidate >= 0)
        {
            into.AddIdHash(field, EventKind.String, IdHashes.Hash(text));
        }
        else
        {
            into.Add(field, EventKind.String, text: field.Candidate >= 0 ? Encoding.UTF8.GetString(text) : null);
        }
    }
}
