using Gates.Cli.Inputs;
using Gates.Core;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Profiling;

namespace Gates.DriftCheck;

/// <summary>Reads the reference (data or saved profile) and the current data, the two files at the same time.</summary>
internal static class DataLoader
{
    public static (TableProfile Reference, TableProfile Current, IReadOnlyList<string> Warnings) Load(
        string referencePath, string currentPath, DriftSettings drift, DataSettings data, ReadProgress? progress, CancellationToken ct,
        ColumnSamples? referenceSamples = null, ColumnSamples? currentSamples = null)
    {
        var options = data.ToOptions(drift);
        var warnings = new List<string>();
        var referenceTask = Task.Run(
            () => IsProfile(referencePath) ? ProfileJsonReader.Read(referencePath)
                : Reference(referencePath, options with { Samples = referenceSamples }, drift, ct, progress?.For(referencePath)), ct);
        var currentTable = TableReader.Read(currentPath, options with { Samples = currentSamples }, ct, progress?.For(currentPath));
        currentSamples?.Finish(currentTable.Path, currentTable.Rows, [.. currentTable.Columns.Select(c => c.Name)]);
        Profiler.Prepare(currentTable);
        TableProfile reference;
        try
        {
            reference = referenceTask.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        if (reference.Format == "profile")
        {
            foreach (var (name, type) in drift.TypeOverrides)
            {
                if (reference.Find(name) is { } column && column.Type != type)
                {
                    warnings.Add($"columns.{name}.type: {type.ToWord()} is ignored: the reference profile has the column as {column.Type.ToWord()} (make the profile again with --thresholds)");
                }
            }
        }

        return (reference, Profiler.Current(currentTable, reference), warnings);
    }

    public static TableProfile Reference(string path, TableReadOptions options, DriftSettings drift, CancellationToken ct, Action<long>? progress = null)
    {
        var table = TableReader.Read(path, options, ct, progress);
        options.Samples?.Finish(table.Path, table.Rows, [.. table.Columns.Select(c => c.Name)]);
        return Profiler.Reference(table, drift.TypeOverrides);
    }

    private static bool IsProfile(string path)
    {
        using var stream = InputFiles.Open(path, "data file");
        return ProfileJson.LooksLikeProfile(stream.Peek(512));
    }
}
