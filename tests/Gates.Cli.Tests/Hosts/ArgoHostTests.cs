using Gates.Cli.Hosts;
using Gates.Core.Reporting;
using Gates.Testing;

namespace Gates.Cli.Tests.Hosts;

public sealed class ArgoHostTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly StringWriter stderr = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Publish_outputs_dir_gets_one_file_per_parameter_without_trailing_newline()
    {
        Publish(passed: false, reportJson: null);

        File.ReadAllText(temp.File("out/verdict")).ShouldBe("fail");
        File.ReadAllText(temp.File("out/passed")).ShouldBe("false");
        stderr.ToString().ShouldContain(temp.File("out"));
    }

    [Fact]
    public void Publish_report_json_is_always_written_for_the_artifact()
    {
        var written = Publish(passed: true, reportJson: "elsewhere/report.json");

        written.ShouldBe([temp.File("out/verdict"), temp.File("out/passed"), temp.File("out/report.json")]);
        GateReportJson.Parse(File.ReadAllText(temp.File("out/report.json")), "report.json").Checks.Count.ShouldBe(3);
        File.Exists(temp.File("out/report-json")).ShouldBeFalse();
    }

    private IReadOnlyList<string> Publish(bool passed, string? reportJson) =>
        HostPublisher.Publish(SampleReport.Failing(), HostKind.Argo,
            new HostPublishSettings { Passed = passed, OutputsDir = "out", ReportJsonPath = reportJson, WorkingDirectory = temp.Path },
            new Dictionary<string, string?>(), stderr);
}
