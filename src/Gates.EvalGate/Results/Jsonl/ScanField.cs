namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// A (flattened) field name as one <see cref="LineScanner"/> knows it: its bytes, whether it is an id or a wanted
/// metric, and the line it was last seen on (a repeated key within one line is ignored). <see cref="Target"/> is the
/// file-wide statistics it feeds, set when its events are applied.
/// </summary>
internal sealed class ScanField(int index, string name, byte[] utf8, bool isId, int candidate, bool aggregate)
{
    /// <summary>Its place among the fields of its scanner (<see cref="LineScanner.Fields"/>).</summary>
    public int Index { get; } = index;

    public string Name { get; } = name;

    public byte[] Utf8 { get; } = utf8;

    public bool IsId { get; } = isId;

    /// <summary>Index among the id candidates (<see cref="ItemIds.Candidates"/>), or -1.</summary>
    public int Candidate { get; } = candidate;

    public bool Aggregate { get; } = aggregate;

    public long LastLine { get; set; }

    public FieldStats? Target { get; set; }
}
