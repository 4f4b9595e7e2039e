using System.Text;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// Finds a field by its UTF-8 name without allocating. Lines of a JSONL file usually repeat the same keys in the
/// same order, so the field seen at the same position on the previous line is tried first; otherwise an
/// open-addressing hash table over the bytes is searched. New names are added with <paramref name="create"/>.
/// </summary>
internal sealed class FieldTable(Func<int, string, byte[], ScanField> create)
{
    private readonly List<ScanField> fields = [];
    private int[] slots = new int[64];
    private int[] predicted = new int[32];

    public List<ScanField> Fields => fields;

    public ScanField Find(ReadOnlySpan<byte> name, int position)
    {
        if (position < predicted.Length)
        {
            var guess = predicted[position] - 1;
            if (guess >= 0 && name.SequenceEqual(fields[guess].Utf8))
            {
                return fields[guess];
            }
        }
        else
        {
            Array.Resize(ref predicted, Math.Max(predicted.Length * 2, position + 1));
        }

        var index = Lookup(name);
        predicted[position] = index + 1;
        return fields[index];
    }

    private int Lookup(ReadOnlySpan<byte> name)
    {
        var mask = slots.Length - 1;
        for (var slot = Hash(name) & mask; ; slot = (slot + 1) & mask)
        {
            var entry = slots[slot] - 1;
            if (entry < 0)
            {
                return Add(name, slot);
            }

            if (name.SequenceEqual(fields[entry].Utf8))
            {
                return entry;
            }
        }
    }

    private int Add(ReadOnlySpan<byte> name, int slot)
    {
        var bytes = name.ToArray();
        fields.Add(create(fields.Count, Encoding.UTF8.GetString(bytes), bytes));
        slots[slot] = fields.Count;
        if (fields.Count * 2 > slots.Length)
        {
            Rehash();
        }

        return fields.Count - 1;
    }

    private void Rehash()
    {
        slots = new int[slots.Length * 2];
        var mask = slots.Length - 1;
        for (var i = 0; i < fields.Count; i++)
        {
            var slot = Hash(fields[i].Utf8) & mask;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            slots[slot] = i + 1;
        }
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = 2166136261u;
        foreach (var b in name)
        {
            hash = (hash ^ b) * 16777619u;
        }

        return (int)(hash & 0x7FFFFFFF);
    }
}
