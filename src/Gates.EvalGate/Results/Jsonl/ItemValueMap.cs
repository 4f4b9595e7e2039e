using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Gates.EvalGate.Results.Jsonl;

/// <summary>
/// The per-item values of one JSONL field by item id, read straight from the id table and the column: no string or
/// dictionary entry per item is made unless the map is enumerated. <see cref="ItemPairing"/> pairs two of these on
/// the ids' bytes.
/// </summary>
internal sealed class ItemValueMap(IdTable ids, ItemColumn column) : IReadOnlyDictionary<string, double>
{
    public IdTable Ids => ids;

    public ItemColumn Column => column;

    public int Count => column.Count;

    public double this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException($"no item '{key}'");

    public IEnumerable<string> Keys => this.Select(p => p.Key);

    public IEnumerable<double> Values => this.Select(p => p.Value);

    public bool ContainsKey(string key) => TryGetValue(key, out _);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out double value)
    {
        var position = ids.Find(key);
        if (position >= 0 && column.Has(position))
        {
            value = column.Value(position);
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The items in file order (as the dictionary it replaces gave them).</summary>
    public IEnumerator<KeyValuePair<string, double>> GetEnumerator()
    {
        for (var i = 0; i < column.Length; i++)
        {
            if (column.Has(i))
            {
                yield return new(ids.Text(i), column.Value(i));
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
