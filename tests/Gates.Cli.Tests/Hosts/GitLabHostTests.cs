using System.Xml.Linq;
using Gates.Cli.Hosts;
using Gates.Testing;

namespace Gates.Cli.Tests.Hosts;

public sealed class GitLabHostTests : IDisposable
{
    private readonly TempFolder temp = new();
    private readonly StringWriter stderr = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Publish_outputs_dir_gets_JUnit_and_dotenv_files()
    {
        var folder = temp.File("gates-out");

        var written = Publish(new HostPublishSettings { Passed = false, OutputsDir = folder, ReportJsonPath = "report.json" });

        written.ShouldBe([Path.Combine(folder, "gates-eval-gate.junit.xml"), Path.Combine(folder, "gates-eval-gate.env")]);
        File.ReadAllText(written[1]).ShouldBe(
            "GATES_EVAL_GATE_VERDICT=fail\nGATES_EVAL_GATE_PASSED=false\nGATES_EVAL_GATE_REPORT_JSON=report.json\n");
        XDocument.Load(written[0]).Descendants("testcase").Count().ShouldBe(3);
    }

    [Fact]
    public void Publish_no_outputs_dir_writes_into_the_working_directory_and_says_so()
    {
        var written = Publish(new HostPublishSettings { Passed = true });

        written.ShouldAllBe(path => Path.GetDirectoryName(path) == temp.Path);
        File.ReadAllText(temp.File("gates-eval-gate.env")).ShouldBe("GATES_EVAL_GATE_VERDICT=fail\nGATES_EVAL_GATE_PASSED=true\n");
        stderr.ToString().ShouldContain(temp.File("gates-eval-gate.junit.xml"));
        stderr.ToString().ShouldContain("artifacts:reports:dotenv");
    }

    [Fact]
    public void Publish_relative_outputs_dir_resolves_against_the_working_directory()
    {
        var written = Publish(new HostPublishSettings { Passed = true, OutputsDir = "reports" });

        written[0].ShouldBe(temp.File("reports/gates-eval-gate.junit.xml"));
        File.Exists(written[0]).ShouldBeTrue();
    }

    private IReadOnlyList<string> Publish(HostPublishSettings settings) =>
        HostPublisher.Publish(SampleReport.Failing(), HostKind.GitLab, settings with { WorkingDirectory = temp.Path },
            new Dictionary<string, string?>(), stderr);
}
