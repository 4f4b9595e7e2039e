using Gates.Core.Hosts;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.Cli.Hosts;

/// <summary>
/// Argo Workflows: one file per output parameter (<c>verdict</c>, <c>passed</c>, no trailing newline, so
/// <c>when: "{{…passed}} == true"</c> compares cleanly) and <c>report.json</c> for an output artifact, in the
/// outputs dir or <see cref="DefaultOutputsDir"/>.
/// </summary>
internal static class ArgoHost
{
    public const string DefaultOutputsDir = "/tmp/gates-outputs";

    public static IReadOnlyList<string> Publish(GateReport report, HostPublishSettings settings, TextWriter stderr)
    {
        var folder = Path.GetFullPath(settings.OutputsDir ?? DefaultOutputsDir, settings.WorkingDirectory);
        var written = new List<string>();
        foreach (var (name, value) in GateOutputs.For(report, settings.Passed, reportJsonPath: null))
        {
            var path = Path.Combine(folder, name);
            AtomicFile.Write(path, value);
            written.Add(path);
        }

        var json = Path.Combine(folder, "report.json");
        AtomicFile.Write(json, new JsonRenderer().RenderToString(report));
        written.Add(json);

        stderr.WriteLine($"gates: wrote Argo outputs verdict, passed and report.json in {folder}");
        return written;
    }
}
