namespace Gates.EvalGate.Results.Jsonl;

/// <summary>The JSON kinds a per-item field can take; a field must keep to one (null aside).</summary>
internal enum ValueKind
{
    Number,
    Boolean,
    String,
    Object,
    Array,
}
