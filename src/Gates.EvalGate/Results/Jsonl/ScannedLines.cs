using System.Runtime.InteropServices;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The events of consecutive non-blank lines, ready to be applied in file order, and the error that stopped the scan
/// (the lines before it are kept, so applying them first leaves the same state a line-by-line reader would).
/// </summary>
/// <param name="fields">The fields of the scanner that fills it (its events name them by index).</param>
internal sealed class ScannedLines(IReadOnlyList<ScanField> fields)
{
    private readonly List<LineEvent> events = [];
    private readonly List<(long Line, int End)> lines = [];
    private readonly List<string> texts = [];

    /// <summary>The <see cref="LineEvent.Text"/> of an id kept as a hash.</summary>
    public const int HashedText = -2;

    public int LineCount => lines.Count;

    public Exception? Error { get; set; }

    public ReadOnlySpan<LineEvent> Events => CollectionsMarshal.AsSpan(events);

    public ReadOnlySpan<(long Line, int End)> Lines => CollectionsMarshal.AsSpan(lines);

    public string Text(int index) => texts[index];

    public ScanField Field(in LineEvent e) => fields[e.Field];

    public void Add(ScanField field, EventKind kind, double number = 0, string? text = null)
    {
        var index = -1;
        if (text is not null)
        {
            texts.Add(text);
            index = texts.Count - 1;
        }

        events.Add(new LineEvent(field.Index, kind, number, index));
    }

    /// <summary>An id's event whose text is kept only as its hash (in <see cref="LineEvent.Number"/>, Text -2).</summary>
    public void AddIdHash(ScanField field, EventKind kind, ulong hash) =>
        events.Add(new LineEvent(field.Index, kind, BitConverter.UInt64BitsToDouble(hash), HashedText));

    public void EndLine(long line) => lines.Add((line, events.Count));

    /// <summary>Drops the events of a line that failed half way.</summary>
    public void DropOpenLine() => events.RemoveRange(lines.Count == 0 ? 0 : lines[^1].End, events.Count - (lines.Count == 0 ? 0 : lines[^1].End));

    public void Clear()
    {
        events.Clear();
        lines.Clear();
        texts.Clear();
        Error = null;
    }
}
