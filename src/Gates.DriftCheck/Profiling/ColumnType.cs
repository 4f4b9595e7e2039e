namespace Gates.DriftCheck.Profiling;

/// <summary>What a column holds, which decides how it is compared.</summary>
internal enum ColumnType
{
    Numeric,
    Boolean,
    Categorical,
    Datetime,
    Text,

    /// <summary>An identifier or row index: every value different, nothing to compare.</summary>
    Identifier,

    /// <summary>No value at all in the reference.</summary>
    Empty,

    /// <summary>Numbers and other text mixed, with no clear majority type.</summary>
    Mixed,
}

internal static class ColumnTypeNames
{
    public static string ToWord(this ColumnType type) => type switch
    {
        ColumnType.Numeric => "numeric",
        ColumnType.Boolean => "boolean",
        ColumnType.Categorical => "categorical",
        ColumnType.Datetime => "datetime",
        ColumnType.Text => "text",
        ColumnType.Identifier => "id",
        ColumnType.Empty => "empty",
        _ => "mixed",
    };

    public static bool TryParse(string? word, out ColumnType type)
    {
        foreach (var candidate in Enum.GetValues<ColumnType>())
        {
            if (candidate.ToWord() == word)
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    public static IEnumerable<string> Words => Enum.GetValues<ColumnType>().Select(t => t.ToWord());
}
