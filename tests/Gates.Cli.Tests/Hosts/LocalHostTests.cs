using Gates.Cli.Hosts;
using Gates.Testing;

namespace Gates.Cli.Tests.Hosts;

public sealed class LocalHostTests
{
    [Fact]
    public void Publish_local_writes_nothing_even_with_runner_variables_set()
    {
        using var temp = new TempFolder();
        var stderr = new StringWriter();
        var env = new Dictionary<string, string?> { ["GITHUB_OUTPUT"] = temp.File("output") };

        var written = HostPublisher.Publish(SampleReport.Failing(), HostKind.Local,
            new HostPublishSettings { Passed = false, OutputsDir = temp.Path, WorkingDirectory = temp.Path }, env, stderr);

        written.ShouldBeEmpty();
        stderr.ToString().ShouldBeEmpty();
        Directory.GetFiles(temp.Path).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("eval-gate", "eval-gate")]
    [InlineData("Drift Check", "drift-check")]
    [InlineData("../../etc/passwd", "-..-etc-passwd")]
    [InlineData("", "report")]
    public void FileStem_tool_name_is_safe_in_a_file_name(string tool, string expected) =>
        HostPublisher.FileStem(tool).ShouldBe(expected);
}
