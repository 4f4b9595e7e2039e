namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Applies scanned lines, in file order, to the file-wide field statistics, item ids and kept items. Whether the lines
/// were scanned by one scanner or by several in parallel, applying them in order gives the same state, line numbers
/// in messages included.
/// </summary>
internal sealed class ItemAggregator
{
    private readonly ReadOptions options;
    private readonly bool pairedOnly;
    private readonly ItemIds ids;
    private readonly ItemRecorder recorder;
    private readonly List<FieldStats> fields = [];
    private readonly Dictionary<string, FieldStats> byName = new(StringComparer.Ordinal);

    /// <param name="hashIds">Keep only hashes of the ids and no per-item values (a repeat throws <see cref="RepeatedIdSeen"/>).</param>
    /// <param name="pairedOnly">Keep per-item values of the paired metrics only (<see cref="ReadOptions.PairedMetrics"/>; a repeat throws <see cref="RepeatedIdSeen"/>).</param>
    public ItemAggregator(string path, ReadOptions options, bool hashIds = false, bool pairedOnly = false)
    {
        this.options = options;
        HashIds = hashIds;
        this.pairedOnly = pairedOnly;
        ids = new ItemIds(path, options.IdField, required: options.KeepItems, hashOnly: hashIds, stopOnRepeat: pairedOnly, shared: options.SharedIds);
        recorder = new ItemRecorder(ids);
    }

    public bool HashIds { get; }

    public long Items { get; private set; }

    public long FirstItemLine { get; private set; }

    public IReadOnlyList<FieldStats> Fields => fields;

    public ItemIds Ids => ids;

    /// <summary>Applies every line, then throws the error that stopped the scan, if any.</summary>
    public void Apply(ScannedLines scanned)
    {
        var events = scanned.Events;
        var start = 0;
        foreach (var (line, end) in scanned.Lines)
        {
            ApplyLine(events[start..end], line, scanned);
            start = end;
        }

        if (scanned.Error is { } error)
        {
            throw error;
        }
    }

    private void ApplyLine(ReadOnlySpan<LineEvent> events, long line, ScannedLines scanned)
    {
        var item = Items + 1;
        foreach (var e in events)
        {
            var scanField = scanned.Field(e);
            var field = scanField.Target ??= Resolve(scanField);
            field.Visit(item);
            switch (e.Kind)
            {
                case EventKind.Object:
                    field.Saw(ValueKind.Object, line);
                    break;
                case EventKind.Number:
                    field.Saw(ValueKind.Number, line);
                    Add(field, e.Number);
                    break;
                case EventKind.NonFinite:
                    field.SawNonFinite(line);
                    break;
                case EventKind.Boolean:
                    field.Saw(ValueKind.Boolean, line);
                    Add(field, e.Number);
                    break;
                case EventKind.String:
                    field.Saw(ValueKind.String, line);
                    break;
                case EventKind.Null:
                    field.SawNull(line);
                    break;
                default:
                    field.Saw(ValueKind.Array, line);
                    break;
            }

            if (e.Text >= 0)
            {
                ids.Capture(scanField.Candidate, scanned.Text(e.Text));
            }
            else if (e.Text == ScannedLines.HashedText)
            {
                ids.CaptureHash(scanField.Candidate, BitConverter.DoubleToUInt64Bits(e.Number));
            }
        }

        Items = item;
        if (item == 1)
        {
            FirstItemLine = line;
        }

        MarkAbsent(item, line, events.Length);
        recorder.Complete(line);
    }

    private FieldStats Resolve(ScanField scanned)
    {
        if (byName.TryGetValue(scanned.Name, out var known))
        {
            return known;
        }

        var field = new FieldStats(scanned.Name, scanned.Utf8, scanned.IsId, options.Wants(scanned.Name), keepItems: !HashIds && (!pairedOnly || options.Pairs(scanned.Name)));
        if (Items > 0)
        {
            field.FirstAbsentLine = FirstItemLine;
        }

        fields.Add(field);
        byName.Add(scanned.Name, field);
        return field;
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

    private void MarkAbsent(long item, long lineNumber, int visited)
    {
        if (visited == fields.Count)
        {
            return;
        }

        foreach (var field in fields)
        {
            if (field.LastItem != item && field.FirstAbsentLine == 0)
            {
                field.FirstAbsentLine = lineNumber;
            }
        }
    }
}
