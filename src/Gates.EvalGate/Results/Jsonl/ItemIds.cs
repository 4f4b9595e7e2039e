using Gates.Core;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Chooses each item's id (--id-field, else the first of id, item_id, sample_id found on the first item) and
/// rejects items without one or with a repeated one. Only used when per-item values are kept.
/// </summary>
internal sealed class ItemIds(string path, string? idField)
{
    public static readonly string[] DefaultFields = ["id", "item_id", "sample_id"];

    private readonly Dictionary<string, long> lines = new(StringComparer.Ordinal);
    private readonly List<string> order = [];
    private readonly string?[] values = new string?[idField is null ? DefaultFields.Length : 1];

    public IReadOnlyList<string> Candidates { get; } = idField is null ? DefaultFields : [idField];

    /// <summary>The ids of the items so far, in file order.</summary>
    public IReadOnlyList<string> Order => order;

    /// <summary>The chosen id field, once known; null while undecided or when the items have none.</summary>
    public string? Field { get; private set; } = idField;

    /// <summary>True when the first item had none of the default id fields: per-item values are not kept.</summary>
    public bool Unavailable { get; private set; }

    public int CandidateIndex(string fieldName)
    {
        for (var i = 0; i < Candidates.Count; i++)
        {
            if (Candidates[i] == fieldName)
            {
                return i;
            }
        }

        return -1;
    }

    public void Capture(int candidate, string value) => values[candidate] ??= value;

    /// <summary>The position of the item that just ended among the items with ids, or -1 when ids are unavailable.</summary>
    public int Complete(long line)
    {
        try
        {
            return Choose(line);
        }
        finally
        {
            Array.Clear(values);
        }
    }

    private int Choose(long line)
    {
        if (Unavailable)
        {
            return -1;
        }

        if (Field is null)
        {
            var index = Array.FindIndex(values, v => v is not null);
            if (index < 0)
            {
                Unavailable = true;
                return -1;
            }

            Field = Candidates[index];
        }

        var id = values[CandidateIndex(Field)]
            ?? throw new GateInputException($"{path}:{line}: the item has no id field '{Field}' (a string or number); every item needs one to be paired");
        if (!lines.TryAdd(id, line))
        {
            throw new GateInputException($"{path}:{line}: item id '{id}' repeats line {lines[id]}; ids must be unique to pair items (see --id-field)");
        }

        order.Add(id);
        return order.Count - 1;
    }
}
