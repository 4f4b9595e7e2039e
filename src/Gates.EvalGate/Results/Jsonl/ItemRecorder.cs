using System.Text;
using System.Text.Json;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Keeps per-item values for paired comparison. A line's values wait until the line ends, because its id may
/// come after them; then they are stored under the item's position among the ids.
/// </summary>
internal sealed class ItemRecorder(ItemIds ids)
{
    private readonly List<(ItemColumn Column, double Value)> pending = [];

    public void Value(FieldStats field, double value)
    {
        if (field.Items is { } column)
        {
            pending.Add((column, value));
        }
    }

    /// <summary>Notes the id when <paramref name="field"/> is an id field (a string or number token).</summary>
    public void Id(FieldStats field, ref Utf8JsonReader reader)
    {
        if (!field.IsId)
        {
            return;
        }

        var candidate = ids.CandidateIndex(field.Name);
        if (candidate >= 0)
        {
            ids.Capture(candidate, reader.TokenType == JsonTokenType.String ? reader.GetString()! : Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    public void Complete(long lineNumber)
    {
        var position = ids.Complete(lineNumber);
        if (position >= 0)
        {
            foreach (var (column, value) in pending)
            {
                column.Set(position, value);
            }
        }

        pending.Clear();
    }
}
