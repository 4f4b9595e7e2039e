using Gates.Core.Memory;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The events of consecutive non-blank lines, ready to be applied in file order, and the error that stopped the scan
/// (the lines before it are kept, so applying them first leaves the same state a line-by-line reader would).
/// </summary>
/// <param name="fields">The fields of the scanner that fills it (its events name them by index; a list, not an interface, for a direct call per event).</param>
internal sealed class ScannedLines(List<ScanField> fields)
{
    /// <summary>Events whose pages are mapped in at a time (<see cref="FreshPages"/>) as a new array fills.</summary>
    private const int PopulateStep = 1 << 14;

    private readonly List<string> texts = [];
    private LineEvent[] events = [];
    private int eventCount;

    // The events may be added up to here before the next check: the end of the array, or of its pages mapped in so far.
    private int eventLimit;
    private (long Line, int End)[] lines = [];
    private int lineCount;

    /// <summary>The <see cref="LineEvent.Text"/> of an id kept as a hash.</summary>
    public const int HashedText = -2;

    public int LineCount => lineCount;

    public Exception? Error { get; set; }

    public ReadOnlySpan<LineEvent> Events => events.AsSpan(0, eventCount);

    public ReadOnlySpan<(long Line, int End)> Lines => lines.AsSpan(0, lineCount);

    public string Text(int index) => texts[index];

    public ScanField Field(in LineEvent e) => fields[e.Field];

    /// <summary>
    /// Makes room for the lines of a chunk of <paramref name="bytes"/> bytes and <paramref name="lineEstimate"/> lines
    /// before they are scanned, so that a new scan does not grow its arrays by doubling and copying.
    /// </summary>
    public void Reserve(int bytes, int lineEstimate)
    {
        // A field takes at least 6 bytes ("a":1,); lines of results files take about 15 a field.
        var wanted = bytes / 8;
        if (events.Length < wanted)
        {
            Resize(wanted);
        }

        if (lines.Length < lineEstimate)
        {
            var larger = GC.AllocateUninitializedArray<(long, int)>(lineEstimate);
            Lines.CopyTo(larger);
            FreshPages.Populate(larger, lineCount, lineEstimate - lineCount);
            lines = larger;
        }
    }

    public void Add(ScanField field, EventKind kind, double number = 0, string? text = null)
    {
        var index = -1;
        if (text is not null)
        {
            texts.Add(text);
            index = texts.Count - 1;
        }

        Append(new LineEvent(field.Index, kind, number, index));
    }

    /// <summary>An id's event whose text is kept only as its hash (in <see cref="LineEvent.Number"/>, Text -2).</summary>
    public void AddIdHash(ScanField field, EventKind kind, ulong hash) =>
        Append(new LineEvent(field.Index, kind, BitConverter.UInt64BitsToDouble(hash), HashedText));

    public void EndLine(long line)
    {
        if (lineCount == lines.Length)
        {
            var larger = new (long, int)[Math.Max(16, lines.Length * 2)];
            Lines.CopyTo(larger);
            lines = larger;
        }

        lines[lineCount++] = (line, eventCount);
    }

    /// <summary>Drops the events of a line that failed half way.</summary>
    public void DropOpenLine() => eventCount = lineCount == 0 ? 0 : lines[lineCount - 1].End;

    public void Clear()
    {
        eventCount = 0;
        lineCount = 0;
        texts.Clear();
        Error = null;
    }

    private void Append(in LineEvent e)
    {
        if (eventCount == eventLimit)
        {
            MakeRoom();
        }

        events[eventCount++] = e;
    }

    /// <summary>Maps in the next pages of the array, or doubles it when it is full.</summary>
    private void MakeRoom()
    {
        if (eventCount == events.Length)
        {
            Resize(Math.Max(256, events.Length * 2));
        }

        var step = Math.Min(PopulateStep, events.Length - eventCount);
        FreshPages.Populate(events, eventCount, step);
        eventLimit = eventCount + step;
    }

    private void Resize(int length)
    {
        var larger = GC.AllocateUninitializedArray<LineEvent>(length);
        Events.CopyTo(larger);
        events = larger;
        eventLimit = eventCount;
    }
}
