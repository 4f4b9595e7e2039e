using Gates.DriftCheck.Data;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Profiles the columns of a table. Reference columns get their inferred (or configured) type; current columns
/// are read as the reference says, so both sides are compared like for like.
/// </summary>
internal static class Profiler
{
    public static TableProfile Reference(Table table, IReadOnlyDictionary<string, ColumnType> overrides) =>
        Profile(table, c => overrides.TryGetValue(c.Name, out var t)
            ? (t, $"set to {t.ToWord()} in the thresholds file (inferred: {Describe(TypeInference.Infer(c))})")
            : TypeInference.Infer(c));

    public static TableProfile Current(Table table, TableProfile reference) =>
        Profile(table, c => reference.Find(c.Name) is { } r ? (r.Type, r.TypeReason) : TypeInference.Infer(c));

    private static TableProfile Profile(Table table, Func<ColumnAccumulator, (ColumnType Type, string Reason)> typeOf) => new()
    {
        Path = table.Path,
        Sha256 = table.Sha256,
        Rows = table.Rows,
        Format = table.Format switch { TableFormat.Jsonl => "jsonl", TableFormat.Parquet => "parquet", _ => "csv" },
        Columns = Build([.. table.Columns.Where(c => c.Sink is not { Replaces: true })], typeOf),
    };

    /// <summary>
    /// Sorts and summarises, on every core, the numbers of the columns that hold only numbers, before their type is
    /// known (the current data's type comes from the reference, which may still be being read). Such a column is
    /// compared as numbers unless the reference says otherwise; then the summary is not used.
    /// </summary>
    public static void Prepare(Table table) =>
        Parallel.ForEach(table.Columns.Where(c => c.TextCells == 0 && c.NumericCells > 0 && c.Sink is not { Replaces: true }), c => c.Numbers.Finish());

    /// <summary>Columns are independent: sort and summarise them on every core.</summary>
    private static ColumnProfile[] Build(IReadOnlyList<ColumnAccumulator> columns, Func<ColumnAccumulator, (ColumnType Type, string Reason)> typeOf)
    {
        var profiles = new ColumnProfile[columns.Count];
        Parallel.For(0, columns.Count, i =>
        {
            var (type, reason) = typeOf(columns[i]);
            profiles[i] = ProfileBuilder.Build(columns[i], type, reason);
        });
        return profiles;
    }

    private static string Describe((ColumnType Type, string Reason) inferred) => $"{inferred.Type.ToWord()}, {inferred.Reason}";
}
