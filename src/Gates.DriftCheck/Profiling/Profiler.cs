using System.Collections.Concurrent;
using Gates.DriftCheck.Data;

namespace Gates.DriftCheck.Profiling;

/// <summary>
/// Profiles the columns of a table. Reference columns get their inferred (or configured) type; current columns
/// are read as the reference says, so both sides are compared like for like.
/// </summary>
internal static class Profiler
{
    public static TableProfile Reference(Table table, IReadOnlyDictionary<string, ColumnType> overrides) =>
        Both(table, null, overrides).Reference;

    public static TableProfile Current(Table table, TableProfile reference) =>
        Profile(table, Build(Columns(table), c => TypeFor(c, reference)));

    /// <summary>
    /// The reference's profile and the current's (typed as the reference says), the columns of both summarised in
    /// one parallel pass: the types are decided first (cheap), then every column is sorted and summarised on every
    /// core, the largest first, so that neither file waits for the other.
    /// </summary>
    public static (TableProfile Reference, TableProfile? Current) Both(Table reference, Table? current, IReadOnlyDictionary<string, ColumnType> overrides)
    {
        var referenceColumns = Columns(reference);
        var types = referenceColumns.ToDictionary(c => c.Name, c => ReferenceType(c, overrides), StringComparer.Ordinal);
        var currentColumns = current is null ? [] : Columns(current);
        var all = referenceColumns.Select(c => (Column: c, Type: types[c.Name]))
            .Concat(currentColumns.Select(c => (Column: c, Type: types.TryGetValue(c.Name, out var t) ? t : TypeInference.Infer(c))))
            .ToArray();
        var profiles = Build(all);
        return (Profile(reference, profiles[..referenceColumns.Length]),
            current is null ? null : Profile(current, profiles[referenceColumns.Length..]));
    }

    private static (ColumnType Type, string Reason) ReferenceType(ColumnAccumulator c, IReadOnlyDictionary<string, ColumnType> overrides) =>
        overrides.TryGetValue(c.Name, out var t)
            ? (t, $"set to {t.ToWord()} in the thresholds file (inferred: {Describe(TypeInference.Infer(c))})")
            : TypeInference.Infer(c);

    private static (ColumnType Type, string Reason) TypeFor(ColumnAccumulator c, TableProfile reference) =>
        reference.Find(c.Name) is { } r ? (r.Type, r.TypeReason) : TypeInference.Infer(c);

    private static ColumnAccumulator[] Columns(Table table) => [.. table.Columns.Where(c => c.Sink is not { Replaces: true })];

    private static TableProfile Profile(Table table, ColumnProfile[] columns) => new()
    {
        Path = table.Path,
        Sha256 = table.Sha256,
        Rows = table.Rows,
        Format = table.Format switch { TableFormat.Jsonl => "jsonl", TableFormat.Parquet => "parquet", _ => "csv" },
        Columns = columns,
    };

    private static ColumnProfile[] Build(ColumnAccumulator[] columns, Func<ColumnAccumulator, (ColumnType Type, string Reason)> typeOf) =>
        Build([.. columns.Select(c => (c, typeOf(c)))]);

    /// <summary>Columns are independent: sort and summarise them on every core, the ones with the most numbers first.</summary>
    private static ColumnProfile[] Build((ColumnAccumulator Column, (ColumnType Type, string Reason) Type)[] columns)
    {
        var profiles = new ColumnProfile[columns.Length];
        var order = Enumerable.Range(0, columns.Length)
            .OrderByDescending(i => columns[i].Type.Type == ColumnType.Numeric ? columns[i].Column.Numbers.Count : 0)
            .ToArray();
        Parallel.ForEach(Partitioner.Create(order, loadBalance: true), i =>
        {
            var (column, (type, reason)) = columns[i];
            profiles[i] = ProfileBuilder.Build(column, type, reason);
        });
        return profiles;
    }

    private static string Describe((ColumnType Type, string Reason) inferred) => $"{inferred.Type.ToWord()}, {inferred.Reason}";
}
