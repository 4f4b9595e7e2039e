using Gates.Core;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Chooses each item's id (--id-field, else the first of id, item_id, sample_id, doc_id found on the first item).
/// Lines with an id seen before are runs of that item (repeats): they share its position. Without pairing
/// (<paramref name="required"/> false) a line without the id is an item of its own; with pairing it is an error.
/// With <paramref name="hashOnly"/> only hashes of the ids are kept, to notice a repeat (<see cref="RepeatedIdSeen"/>);
/// otherwise the ids themselves, compactly (<see cref="IdTable"/>). With <paramref name="stopOnRepeat"/> a repeated
/// id throws <see cref="RepeatedIdSeen"/> too: the read kept per-item values of only some fields and starts again;
/// only then may the table extend another file's (<paramref name="shared"/>), whose positions are not in file order.
/// </summary>
internal sealed class ItemIds(string path, string? idField, bool required = true, bool hashOnly = false, bool stopOnRepeat = false, IdTable? shared = null)
{
    public static readonly string[] DefaultFields = ["id", "item_id", "sample_id", "doc_id"];

    private readonly IdTable table = stopOnRepeat && shared is not null ? new(shared) : new();
    private readonly LineGaps firstLines = new();
    private readonly string?[] values = new string?[idField is null ? DefaultFields.Length : 1];
    private readonly ulong[] hashValues = new ulong[idField is null ? DefaultFields.Length : 1];
    private readonly IdHashes? hashes = hashOnly ? new() : null;

    /// <summary>Lines whose id an earlier line already had.</summary>
    public long Repeats { get; private set; }

    /// <summary>The first repeated id, the line it repeats on and the line it was first seen on.</summary>
    public (string Id, long Line, long FirstLine)? FirstRepeat { get; private set; }

    public IReadOnlyList<string> Candidates { get; } = idField is null ? DefaultFields : [idField];

    /// <summary>The ids of the items so far, by position (file order).</summary>
    public IdTable Table => table;

    /// <summary>Items with ids so far (lines that repeat an id are runs of its item).</summary>
    public int Count => table.Count;

    /// <summary>The chosen id field, once known; null while undecided or when the items have none.</summary>
    public string? Field { get; private set; } = idField;

    /// <summary>True when the first item had none of the default id fields: per-item values are not kept.</summary>
    public bool Unavailable { get; private set; }

    /// <summary>When only hashes are kept: true if two items' id hashes were equal (the ids may repeat).</summary>
    public bool MayRepeat => hashes?.AnyRepeat() == true;

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

    /// <summary>Notes the hash of an id (<see cref="IdHashes.Hash"/> of its text) when only hashes are kept.</summary>
    public void CaptureHash(int candidate, ulong hash)
    {
        if (hashValues[candidate] == 0)
        {
            hashValues[candidate] = hash;
        }
    }

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
            Array.Clear(hashValues);
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
            var index = hashes is null ? Array.FindIndex(values, v => v is not null) : Array.FindIndex(hashValues, v => v != 0);
            if (index < 0)
            {
                Unavailable = true;
                return -1;
            }

            Field = Candidates[index];
        }

        if (hashes is not null)
        {
            return Seen(hashValues[CandidateIndex(Field)], line);
        }

        var id = values[CandidateIndex(Field)];
        if (id is null)
        {
            if (required)
            {
                throw new GateInputException($"{path}:{line}: the item has no id field '{Field}' (a string or number); every item needs one to be paired");
            }

            id = $"\0line {line}";
        }

        var position = table.FindOrAdd(id, out var added);
        if (added || stopOnRepeat)
        {
            return added ? Added(position, line) : throw new RepeatedIdSeen();
        }

        Repeats++;
        FirstRepeat ??= (id, line, firstLines.LineOf(position));
        return position;
    }

    private int Added(int position, long line)
    {
        if (!stopOnRepeat)
        {
            firstLines.Add(position, line);   // a read that stops on a repeat never asks for a first line
        }

        return position;
    }

    private int Seen(ulong hash, long line)
    {
        if (hash == 0 && required)
        {
            throw new GateInputException($"{path}:{line}: the item has no id field '{Field}' (a string or number); every item needs one to be paired");
        }

        if (hash != 0)
        {
            hashes!.Add(hash);
        }

        return -1;
    }
}
