using Gates.Cli.Hosts;
using Gates.Core;
using Gates.Testing;

namespace Gates.Cli.Tests.Hosts;

public sealed class GitHubRunnerFilesTests : IDisposable
{
    private readonly TempFolder temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Outputs_and_variables_are_appended_as_heredocs_after_what_the_runner_holds()
    {
        var output = temp.Write("output", "earlier=1\n");
        var envFile = temp.Write("env", "");
        var files = new GitHubRunnerFiles(Variables(("GITHUB_OUTPUT", output), ("GITHUB_ENV", envFile)));

        files.AppendOutputs([new("verdict", "fail")]).ShouldBe(output);
        files.AppendEnv([new("GATES_VERDICT", "fail\nsecond line")]).ShouldBe(envFile);

        File.ReadAllText(output).ShouldMatch("^earlier=1\nverdict<<(gates_delimiter_[0-9a-f]{32})\nfail\n\\1\n$");
        File.ReadAllText(envFile).ShouldMatch("^GATES_VERDICT<<(gates_delimiter_[0-9a-f]{32})\nfail\nsecond line\n\\1\n$");
    }

    [Fact]
    public void The_summary_builder_is_told_the_bytes_already_there_including_the_separating_line()
    {
        var summary = temp.Write("summary.md", "# Earlier");
        long seen = -1;

        new GitHubRunnerFiles(Variables(("GITHUB_STEP_SUMMARY", summary))).AppendSummary(written =>
        {
            seen = written;
            return "## Mine\n";
        });

        seen.ShouldBe(10);
        File.ReadAllText(summary).ShouldBe("# Earlier\n## Mine\n");
    }

    [Fact]
    public void Nothing_is_written_when_the_runner_gave_no_files()
    {
        var files = new GitHubRunnerFiles(Variables(("GITHUB_OUTPUT", " "), ("GITHUB_STEP_SUMMARY", "")));

        files.AppendOutputs([new("verdict", "pass")]).ShouldBeNull();
        files.AppendEnv([new("A", "b")]).ShouldBeNull();
        files.AppendSummary("text").ShouldBeNull();
        files.AppendSummary(_ => "text").ShouldBeNull();
        Directory.GetFiles(temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_a_runtime_error_naming_it()
    {
        var folder = Directory.CreateDirectory(temp.File("not-a-file")).FullName;
        var files = new GitHubRunnerFiles(Variables(("GITHUB_OUTPUT", folder)));

        var error = Should.Throw<GateRuntimeException>(() => files.AppendOutputs([new("verdict", "pass")]));

        error.Message.ShouldContain(folder);
        ExitCodes.For(error).ShouldBe(ExitCodes.RuntimeError);
    }

    private static Dictionary<string, string?> Variables(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => (string?)p.Value);
}
