using System.Security.Cryptography;
using Gates.Core.Metrics;
using Gates.EvalGate.Results;

namespace Gates.EvalGate.Tests.Results;

/// <summary>Paths of the result fixtures copied next to the test assembly, and small assertion helpers.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "results", name);

    public static IEvalResults Read(string name, ResultsFormat format = ResultsFormat.Auto, ReadOptions? options = null) =>
        EvalResultsReader.Read(Path(name), format, options ?? ReadOptions.Default);

    public static string Sha256Of(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    public static MetricObservation Found(this IEvalResults results, string metric)
    {
        var find = results.Find(metric);
        find.ShouldBeOfType<MetricFind.Found>($"{metric}: {find}");
        return ((MetricFind.Found)find).Observation;
    }

    public static MetricFind.Found FoundWithNote(this IEvalResults results, string metric) =>
        results.Find(metric).ShouldBeOfType<MetricFind.Found>();

    public static string InvalidReason(this IEvalResults results, string metric) =>
        results.Find(metric).ShouldBeOfType<MetricFind.Invalid>().Reason;

    public static MetricFind.Missing Missing(this IEvalResults results, string metric) =>
        results.Find(metric).ShouldBeOfType<MetricFind.Missing>();
}
