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

    private readonly int longest;

    /// <summary>The non-empty tokens by their first byte (most cells, numbers too, start with a byte no token starts with, or one or two do).</summary>
    private readonly byte[][][] byFirstByte = new byte[256][][];

    public MissingValues(IEnumerable<string> values)
    {
        Values = [.. values.Distinct(StringComparer.Ordinal)];
        var tokens = Values.Select(Encoding.UTF8.GetBytes).Where(t => t.Length > 0).ToArray();
        longest = tokens.Length == 0 ? 0 : tokens.Max(t => t.Length);
        foreach (var group in tokens.GroupBy(t => t[0]))
        {
            byFirstByte[group.Key] = [.. group];
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

        if (value.Length > longest || byFirstByte[value[0]] is not { } tokens)
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
