using Gates.Core.Hosts;
using Gates.Core.Reporting;
using Gates.Core.Results;

namespace Gates.Cli.Hosts;

/// <summary>
/// GitLab CI: gates-&lt;tool&gt;.junit.xml for artifacts:reports:junit and gates-&lt;tool&gt;.env
/// (GATES_&lt;TOOL&gt;_VERDICT, _PASSED, _REPORT_JSON) for artifacts:reports:dotenv, in the outputs dir or the
/// working directory.
/// </summary>
internal static class GitLabHost
{
    public static IReadOnlyList<string> Publish(GateReport report, HostPublishSettings settings, TextWriter stderr)
    {
        var folder = Path.GetFullPath(settings.OutputsDir ?? ".", settings.WorkingDirectory);
        var stem = "gates-" + HostPublisher.FileStem(report.Tool.Name);
        var junit = Path.Combine(folder, stem + ".junit.xml");
        var dotenv = Path.Combine(folder, stem + ".env");

        AtomicFile.Write(junit, new JUnitRenderer().RenderToString(report));
        var variables = GateOutputs.For(report, settings.Passed, settings.ReportJsonPath)
            .Select(o => new KeyValuePair<string, string>(DotEnv.Key(report.Tool.Name, o.Key), o.Value));
        AtomicFile.Write(dotenv, DotEnv.Build(variables));

        stderr.WriteLine($"gates: wrote {junit} (artifacts:reports:junit) and {dotenv} (artifacts:reports:dotenv)");
        return [junit, dotenv];
    }
}
