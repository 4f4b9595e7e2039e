using System.Diagnostics;
using System.Globalization;
using Gates.Bench.EvalGateJsonl;
using Gates.EvalGate.Results;

// Usage: dotnet run -c Release --project bench/EvalGateJsonl -- [lines=1000000] [file] [--keep-items] [--repeat N] [--warm-up]
// Generates the file when it does not exist, then times EvalResultsReader over it.
var lines = args.Length > 0 && long.TryParse(args[0], CultureInfo.InvariantCulture, out var n) ? n : 1_000_000;
var path = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal)
    ? args[1]
    : Path.Combine(Path.GetTempPath(), $"gates-bench-{lines}.jsonl");
var keepItems = args.Contains("--keep-items");
var repeatAt = Array.IndexOf(args, "--repeat");
var repeat = repeatAt >= 0 && repeatAt + 1 < args.Length ? int.Parse(args[repeatAt + 1], CultureInfo.InvariantCulture) : 3;

if (!File.Exists(path))
{
    Console.Error.WriteLine($"generating {lines:N0} lines into {path}");
    JsonlGenerator.Write(path, lines);
}

if (args.Contains("--warm-up"))
{
    var small = Path.Combine(Path.GetTempPath(), "gates-bench-warm-up.jsonl");
    JsonlGenerator.Write(small, 20_000, seed: 2);
    EvalResultsReader.Read(small, ResultsFormat.Jsonl, new ReadOptions());
    Console.WriteLine("warmed up on 20,000 lines");
}

var bytes = new FileInfo(path).Length;
var options = new ReadOptions { KeepItems = keepItems };
Console.WriteLine($"file: {path} ({bytes / 1e6:F1} MB, {lines:N0} lines), keep items: {keepItems}");
for (var run = 1; run <= repeat; run++)
{
    var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
    var stopwatch = Stopwatch.StartNew();
    var results = EvalResultsReader.Read(path, ResultsFormat.Jsonl, options);
    stopwatch.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
    var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
    var grounded = results.Find("grounded") is MetricFind.Found f ? f.Observation : null;
    using var process = Process.GetCurrentProcess();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"run {run}: {stopwatch.Elapsed.TotalSeconds:F3} s wall ({bytes / 1e6 / stopwatch.Elapsed.TotalSeconds:F0} MB/s), " +
        $"{cpu:F3} s CPU ({bytes / 1e6 / cpu:F0} MB/s per CPU second), " +
        $"peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, allocated {allocated / 1e6:F2} MB, " +
        $"grounded {grounded?.Successes}/{grounded?.N}, metrics {results.MetricNames.Count()}"));
}
