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
        // The reference is read on a thread of its own, so that the thread pool's workers all go to the parts of both files.
        var referenceTask = Task.Factory.StartNew<object>(
            () => IsProfile(referencePath) ? ProfileJsonReader.Read(referencePath)
                : Read(referencePath, options with { Samples = referenceSamples }, ct, progress?.For(referencePath)),
            ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var currentTable = Read(currentPath, options with { Samples = currentSamples }, ct, progress?.For(currentPath));
        object loaded;
        try
        {
            loaded = referenceTask.GetAwaiter().GetResult();
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }

        if (loaded is Table referenceTable)
        {
            var (referenceProfile, currentProfile) = Profiler.Both(referenceTable, currentTable, drift.TypeOverrides);
            return (referenceProfile, currentProfile!, warnings);
        }

        var reference = (TableProfile)loaded;
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

    public static TableProfile Reference(string path, TableReadOptions options, DriftSettings drift, CancellationToken ct, Action<long>? progress = null) =>
        Profiler.Reference(Read(path, options, ct, progress), drift.TypeOverrides);

    /// <summary>Reads a data file and finishes its text and embedding samples.</summary>
    private static Table Read(string path, TableReadOptions options, CancellationToken ct, Action<long>? progress)
    {
        var table = TableReader.Read(path, options, ct, progress);
        options.Samples?.Finish(table.Path, table.Rows, [.. table.Columns.Select(c => c.Name)]);
        return table;
    }

    private static bool IsProfile(string path)
    {
        using var stream = InputFiles.Open(path, "data file");
        return ProfileJson.LooksLikeProfile(stream.Peek(512));
    }
}
