namespace Gates.EvalGate.Results.Jsonl;

/// <summary>What one field of one line held, as the scanner found it (one event per field, in token order).</summary>
internal enum EventKind : byte
{
    Object,
    Number,
    NonFinite,
    Boolean,
    String,
    Null,
    Array,
}

/// <summary>
/// One field of one line: the field (its <see cref="ScanField.Index"/>: no object reference, so that adding events
/// needs no GC write barrier), its kind, its number (booleans as 0/1) and, for an id, the index of its text. 16 bytes:
/// the kind shares an int with the text's index (an index needs 28 bits: a chunk holds fewer texts than 2^28), so each
/// chunk's events cross from the scanning core to the applying one in two thirds of the cache lines of 24 bytes.
/// </summary>
internal readonly struct LineEvent(int fieldIndex, EventKind kind, double number, int text)
{
    private readonly double value = number;
    private readonly int fieldIndex = fieldIndex;
    private readonly int textAndKind = ((text + 2) << 3) | (int)kind;

    public int Field => fieldIndex;

    public EventKind Kind => (EventKind)(textAndKind & 7);

    public double Number => value;

    /// <summary>The index of an id's text, -1 for none, or <see cref="ScannedLines.HashedText"/>.</summary>
    public int Text => (textAndKind >> 3) - 2;
}
