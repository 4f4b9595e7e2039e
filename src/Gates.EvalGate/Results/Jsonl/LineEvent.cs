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
/// needs no GC write barrier), its kind, its number (booleans as 0/1) and, for an id, the index of its text.
/// </summary>
internal readonly record struct LineEvent(int Field, EventKind Kind, double Number, int Text);
