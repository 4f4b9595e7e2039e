using System.Text.Json;
using Gates.Core;
using Gates.Core.Text;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Parses one JSONL line (an object) into the field statistics. Nested objects are flattened with dots, arrays
/// are skipped, and the only allocations in steady state are the ids of kept items.
/// </summary>
internal sealed class JsonlItemParser
{
    private readonly string path;
    private readonly ItemIds ids;
    private readonly ItemRecorder recorder;
    private readonly FieldTable table;
    private byte[] name = new byte[256];
    private int[] prefix = new int[16];
    private int visited;

    public JsonlItemParser(string path, ReadOptions options)
    {
        this.path = path;
        ids = new ItemIds(path, options.IdField, required: options.KeepItems);
        recorder = new ItemRecorder(ids);
        table = new FieldTable((text, bytes) =>
        {
            var isId = ids.CandidateIndex(text) >= 0 || ItemIds.DefaultFields.Contains(text);
            var field = new FieldStats(text, bytes, isId, options.Wants(text), keepItems: true);
            if (Items > 0)
            {
                field.FirstAbsentLine = FirstItemLine;
            }

            return field;
        });
    }

    public long Items { get; private set; }

    public long FirstItemLine { get; private set; }

    public IReadOnlyList<FieldStats> Fields => table.Fields;

    public ItemIds Ids => ids;

    public void Parse(ReadOnlySpan<byte> line, long lineNumber)
    {
        var item = Items + 1;
        var quoted = line.IndexOf("NaN"u8) >= 0 || line.IndexOf("Infinity"u8) >= 0 ? NonFiniteTokens.Quote(line) : null;
        try
        {
            ParseObject(quoted ?? line, lineNumber, item, quoted is not null);
        }
        catch (JsonException e)
        {
            throw new GateInputException($"{path}:{lineNumber}: {JsonErrors.Describe(e)}");
        }

        Items = item;
        if (item == 1)
        {
            FirstItemLine = lineNumber;
        }

        MarkAbsent(item, lineNumber);
        recorder.Complete(lineNumber);
    }

    private void ParseObject(ReadOnlySpan<byte> line, long lineNumber, long item, bool quoted)
    {
        var reader = new Utf8JsonReader(line, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new GateInputException($"{path}:{lineNumber}: expected one JSON object per line, found {reader.TokenType}");
        }

        var depth = 0;
        var position = 0;
        visited = 0;
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
            if (!field.Visit(item))
            {
                reader.Skip();
                continue;
            }

            visited++;

            if (reader.TokenType == JsonTokenType.StartObject)
            {
                field.Saw(ValueKind.Object, lineNumber);
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

            Value(ref reader, field, lineNumber, quoted);
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

    private void Value(ref Utf8JsonReader reader, FieldStats field, long lineNumber, bool quoted)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                if ((FastNumber.TryParse(reader.ValueSpan, out var number) || reader.TryGetDouble(out number)) && double.IsFinite(number))
                {
                    field.Saw(ValueKind.Number, lineNumber);
                    Add(field, number);
                    recorder.Id(field, ref reader);
                }
                else
                {
                    field.SawNonFinite(lineNumber);
                }

                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                field.Saw(ValueKind.Boolean, lineNumber);
                Add(field, reader.TokenType == JsonTokenType.True ? 1 : 0);
                break;
            case JsonTokenType.String:
                if (quoted && (reader.ValueTextEquals("NaN"u8) || reader.ValueTextEquals("Infinity"u8) || reader.ValueTextEquals("-Infinity"u8)))
                {
                    field.SawNonFinite(lineNumber);
                }
                else
                {
                    field.Saw(ValueKind.String, lineNumber);
                    recorder.Id(field, ref reader);
                }

                break;
            case JsonTokenType.Null:
                field.SawNull(lineNumber);
                break;
            case JsonTokenType.StartArray:
                field.Saw(ValueKind.Array, lineNumber);
                reader.Skip();
                break;
        }
    }

    private void Add(FieldStats field, double value)
    {
        if (!field.Aggregate)
        {
            return;
        }

        field.Stats.Add(value);
        recorder.Value(field, value);
    }

    private void MarkAbsent(long item, long lineNumber)
    {
        if (visited == table.Fields.Count)
        {
            return;
        }

        foreach (var field in table.Fields)
        {
            if (field.LastItem != item && field.FirstAbsentLine == 0)
            {
                field.FirstAbsentLine = lineNumber;
            }
        }
    }

    private void EnsureName(int length)
    {
        if (length > name.Length)
        {
            Array.Resize(ref name, Math.Max(name.Length * 2, length));
        }
    }
}
