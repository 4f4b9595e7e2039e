using Gates.Cli.Inputs;
using Gates.Core;

namespace Gates.GateReport.Evidence;

/// <summary>
/// A file some report names (an input or its thresholds), with the sha256 the report recorded, the reports that
/// name it, and what is on disk here now: <c>same</c>, <c>changed</c> (a different sha256) or <c>absent</c>.
/// </summary>
internal sealed record NamedFile(string Role, string Path, string Sha256, IReadOnlyList<string> NamedBy, string OnDisk)
{
    public static IReadOnlyList<NamedFile> From(IReadOnlyList<LoadedReport> reports, string workingDirectory)
    {
        var named = reports.SelectMany(r => r.Report.Inputs.Concat(r.Report.Thresholds is { } t ? [t] : []).Select(f => (File: f, By: r.Path)));
        return [.. named
            .GroupBy(x => (x.File.Role, x.File.Path, x.File.Sha256))
            .Select(g => new NamedFile(g.Key.Role, g.Key.Path, g.Key.Sha256, [.. g.Select(x => x.By).Distinct(StringComparer.Ordinal)],
                OnDiskState(g.Key.Path, g.Key.Sha256, workingDirectory)))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ThenBy(f => f.Role, StringComparer.Ordinal)
            .ThenBy(f => f.Sha256, StringComparer.Ordinal)];
    }

    private static string OnDiskState(string path, string recorded, string workingDirectory)
    {
        try
        {
            using var stream = InputFiles.OpenBinary(System.IO.Path.GetFullPath(path, workingDirectory), "input file", path);
            return string.Equals(stream.Finish(), recorded, StringComparison.OrdinalIgnoreCase) ? "same" : "changed";
        }
        catch (Exception e) when (e is GateInputException or ArgumentException or NotSupportedException)
        {
            return "absent";
        }
    }
}
