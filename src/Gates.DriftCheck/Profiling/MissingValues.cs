using System.Text;

namespace Gates.DriftCheck.Profiling;

/// <summary>The field values that mean "missing". The default is pandas' read_csv list, so counts agree with pandas.</summary>
internal sealed class MissingValues
{
    public static readonly IReadOnlyList<string> PandasDefaults =
    [
        "", "#N/A", "#N/A N/A", "#NA", "-1.#IND", "-1.#QNAN", "-NaN", "-nan", "1.#IND", "1.#QNAN", "<NA>", "N/A", "NA",
        "NULL", "NaN", "n/a", "nan", "null",
    ];

    private readonly byte[][] tokens;
    private readonly int longest;
    private readonly bool[] firstBytes = new bool[256];

    public MissingValues(IEnumerable<string> values)
    {
        Values = [.. values.Distinct(StringComparer.Ordinal)];
        tokens = [.. Values.Select(Encoding.UTF8.GetBytes)];
        longest = tokens.Length == 0 ? 0 : tokens.Max(t => t.Length);
        foreach (var token in tokens.Where(t => t.Length > 0))
        {
            firstBytes[token[0]] = true;
        }
    }

    public static MissingValues Default { get; } = new(PandasDefaults);

    public IReadOnlyList<string> Values { get; }

    public bool IsMissing(ReadOnlySpan<byte> value)
    {
        if (value.Length == 0)
        {
            return true;
        }

        if (value.Length > longest || !firstBytes[value[0]])
        {
            return false;
        }

        foreach (var token in tokens)
        {
            if (value.SequenceEqual(token))
            {
                return true;
            }
        }

        return false;
    }
}
