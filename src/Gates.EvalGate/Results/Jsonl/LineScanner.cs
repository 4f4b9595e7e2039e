using System.Text;
using System.Text.Json;
using Gates.Core;
using Gates.Core.Text;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Reads JSONL lines (one object each) into <see cref="ScannedLines"/>: one event per field, nested objects flattened
/// with dots, arrays skipped. It keeps no file-wide statistics, so several scanners can read parts of one file at once;
/// <see cref="ItemAggregator"/> applies their events in file order.
/// </summary>
internal sealed partial class LineScanner
{
    private readonly string path;
    private readonly FieldTable table;
    private byte[] name = new byte[256];
    private int[] prefix = new int[16];
    private readonly bool hashIds;
    private byte[] idText = new byte[64];
    private long sequence;

    /// <param name="hashIds">Ids are passed on as hashes of their text (<see cref="IdHashes"/>), not as strings.</param>
    public LineScanner(string path, ReadOptions options, IReadOnlyList<string> idCandidates, bool hashIds = false)
    {
        this.path = path;
        this.hashIds = hashIds;
        table = new FieldTable((index, text, bytes) =>
        {
            var candidate = IndexOf(idCandidates, text);
            var isId = candidate >= 0 || ItemIds.DefaultFields.Contains(text);
            return new ScanField(index, text, bytes, isId, candidate, options.Wants(text) && !isId);
        });
    }

    /// <summary>The fields seen so far, by <see cref="ScanField.Index"/>.</summary>
    public List<ScanField> Fields => table.Fields;

    /// <summary>
    /// Scans one non-blank line. A line that is not valid JSON (or not an object) stops the scan: its error is recorded
    /// in <paramref name="into"/> and false returned.
    /// </summary>
    public bool Scan(ReadOnlySpan<byte> line, long lineNumber, ScannedLines into)
    {
        sequence++;
        if (PlainPath && TryScanPlain(line, into))
        {
            PlainLines++;
            into.EndLine(lineNumber);
            return true;
        }

        into.DropOpenLine();
        sequence++;
        var quoted = line.IndexOf("NaN"u8) >= 0 || line.IndexOf("Infinity"u8) >= 0 ? NonFiniteTokens.Quote(line) : null;
        try
        {
            ScanObject(quoted ?? line, lineNumber, quoted is not null, into);
        }
        catch (JsonException e)
        {
            return Fail(into, new GateInputException($"{path}:{lineNumber}: {JsonErrors.Describe(e)}"));
        }
        catch (GateInputException e)
        {
            return Fail(into, e);
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader's strings: an escape that is not valid UTF-16 (a lone surrogate such as "\ud800").
            return Fail(into, new GateInputException($"{path}:{lineNumber}: a string is not valid text ({e.Message})"));
        }

        into.EndLine(lineNumber);
        return true;
    }

    private static bool Fail(ScannedLines into, Exception error)
    {
        into.DropOpenLine();
        into.Error = error;
        return false;
    }

    private void ScanObject(ReadOnlySpan<byte> line, long lineNumber, bool quoted, ScannedLines into)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new GateInputException($"{path}:{lineNumber}: expected one JSON object per line, found {reader.TokenType}");
        }

        var depth = 0;
        var position = 0;
        prefix[0] = 0;
        while (reader.Read())
        {
            if (reader.TokenType == JsonTokenType.EndObject)
            {
                depth--;
                continue;
            }

            var length = ReadName(ref reader, prefix[depth]);
            var field = table.Find(name.AsSpan(0, length), position++);
            reader.Read();
            if (field.LastLine == sequence)
            {
                reader.Skip();
                continue;
            }

            field.LastLine = sequence;
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                into.Add(field, EventKind.Object);
                depth++;
                EnsureName(length + 1);
                name[length] = (byte)'.';
                if (depth == prefix.Length)
                {
                    Array.Resize(ref prefix, prefix.Length * 2);
                }

                prefix[depth] = length + 1;
                continue;
            }

            Value(ref reader, field, quoted, into);
        }
    }

    private int ReadName(ref Utf8JsonReader reader, int start)
    {
        var raw = reader.ValueSpan;
        EnsureName(start + raw.Length + 1);
        if (!reader.ValueIsEscaped)
        {
            raw.CopyTo(name.AsSpan(start));
            return start + raw.Length;
        }

        return start + reader.CopyString(name.AsSpan(start));
    }

    private void Value(ref Utf8JsonReader reader, ScanField field, bool quoted, ScannedLines into)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var parsed = FastNumber.TryParse(reader.ValueSpan, out var number) || reader.TryGetDouble(out number);
                AddNumber(field, reader.ValueSpan, parsed ? number : double.NaN, into);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                into.Add(field, EventKind.Boolean, reader.TokenType == JsonTokenType.True ? 1 : 0);
                break;
            case JsonTokenType.String:
                if (quoted && (reader.ValueTextEquals("NaN"u8) || reader.ValueTextEquals("Infinity"u8) || reader.ValueTextEquals("-Infinity"u8)))
                {
                    into.Add(field, EventKind.NonFinite);
                }
                else
                {
                    AddString(field, field.Candidate >= 0 ? IdText(ref reader) : default, into);
                }

                break;
            case JsonTokenType.Null:
                into.Add(field, EventKind.Null);
                break;
            case JsonTokenType.StartArray:
                into.Add(field, EventKind.Array);
                reader.Skip();
                break;
        }
    }

    private ReadOnlySpan<byte> IdText(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (idText.Length < reader.ValueSpan.Length)
        {
            idText = new byte[reader.ValueSpan.Length * 2];
        }

        return idText.AsSpan(0, reader.CopyString(idText));
    }

    private static int IndexOf(IReadOnlyList<string> names, string text)
    {
        for (var i = 0; i < names.Count; i++)
        {
            if (names[i] == text)
            {
                return i;
            }
        }

        return -1;
    }

    private void EnsureName(int length)
    {
        if (length > name.Length)
        {
            Array.Resize(ref name, Math.Max(name.Length * 2, length));
        }
    }
}
