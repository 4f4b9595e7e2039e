using System.CommandLine;
using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Testing;
using Gates.Testing.Fakes;
using Gates.Testing.Http;
using Gates.Testing.Tools;

namespace Gates.Actions.Tests.Secrets;

/// <summary>
/// Each tool runs in a GitHub Actions job with known token values in every variable a token may come from, posts its
/// sticky comment, writes its report, HTML, Markdown, summary and outputs; none of these, nor stdout or stderr (the
/// log), holds a token. manifest-bump's scan (pull-request bodies, commits) is in its own tests.
/// </summary>
public sealed class TokenLeakTests : IDisposable
{
    private static readonly Dictionary<string, string> Tokens = new(StringComparer.Ordinal)
    {
        ["GITHUB_TOKEN"] = "ghs_leakcheck_github_0001",
        ["GH_TOKEN"] = "gho_leakcheck_gh_0002",
        ["GITLAB_TOKEN"] = "glpat-leakcheck-0003",
        ["GATES_PROMETHEUS_TOKEN"] = "prom_leakcheck_token_0004",
        ["GATES_PROMETHEUS_PASSWORD"] = "prom_leakcheck_password_0005",
        ["MLFLOW_TRACKING_TOKEN"] = "mlf_leakcheck_token_0006",
    };

    private readonly FakeGitHub github = new FakeGitHub().WithRepository("acme/models").WithToken(Tokens["GITHUB_TOKEN"], FakeAccount.ActionsToken);
    private readonly LocalHttpServer prometheus = new(EmptyPrometheus);
    private readonly TempFolder folder = new();

    public static TheoryData<string> Tools => ["eval-gate", "drift-check", "latency-bench", "canary-validate", "gate-report"];

    public void Dispose()
    {
        github.Dispose();
        prometheus.Dispose();
        folder.Dispose();
    }

    [Theory]
    [MemberData(nameof(Tools))]
    public async Task No_token_reaches_an_output_a_report_a_summary_a_comment_or_the_log(string tool)
    {
        CopySamples();
        using var harness = new ToolHarness(Factory(tool), tool, folder.Path);
        foreach (var (name, value) in Environment())
        {
            harness.Variables[name] = value;
        }

        var result = await harness.RunAsync([.. Arguments(tool), "--report-json", "out/report.json", "--html", "out/report.html", "--markdown", "out/report.md", "--pr-comment", "required"]);

        result.ExitCode.ShouldBeOneOf([0, 1, 4], result.ToString());
        var comment = github.On("acme/models", 7).ShouldHaveSingleItem();
        var files = Directory.GetFiles(Path.Combine(folder.Path, "out")).Select(f => (Name: f, Text: File.ReadAllText(f))).ToList();
        files.Count.ShouldBeGreaterThanOrEqualTo(5);
        var texts = files.Append((Name: "stdout", Text: result.Stdout)).Append((Name: "stderr", Text: result.Stderr)).Append((Name: "comment", Text: comment.Body));
        var leaks = from t in texts from token in Tokens where t.Text.Contains(token.Value, StringComparison.Ordinal) select $"{token.Key} in {t.Name}";
        leaks.ShouldBeEmpty();
        github.Requests.ShouldAllBe(r => r.Authorization!.EndsWith(" " + Tokens["GITHUB_TOKEN"], StringComparison.Ordinal));
        if (tool == "canary-validate")
        {
            prometheus.Requests.ShouldNotBeEmpty();
            prometheus.Requests.ShouldAllBe(r => r.Authorization != null);
        }
    }

    private IEnumerable<(string Name, string? Value)> Environment()
    {
        foreach (var (name, value) in Tokens)
        {
            yield return (name, value);
        }

        var out_ = Path.Combine(folder.Path, "out");
        Directory.CreateDirectory(out_);
        yield return ("GATES_CI", "github");
        yield return ("GITHUB_ACTIONS", "true");
        yield return ("GITHUB_REPOSITORY", "acme/models");
        yield return ("GITHUB_API_URL", github.ApiUrl);
        yield return ("GITHUB_SERVER_URL", "https://github.example");
        yield return ("GITHUB_RUN_ID", "4242");
        yield return ("GITHUB_EVENT_NAME", "pull_request");
        yield return ("GITHUB_EVENT_PATH", folder.Write("event.json", new JsonObject
        {
            ["number"] = 7,
            ["pull_request"] = new JsonObject
            {
                ["number"] = 7,
                ["head"] = new JsonObject { ["repo"] = new JsonObject { ["full_name"] = "acme/models" } },
                ["base"] = new JsonObject { ["repo"] = new JsonObject { ["full_name"] = "acme/models" } },
            },
        }.ToJsonString()));
        yield return ("GITHUB_STEP_SUMMARY", folder.Write("out/summary.md", ""));
        yield return ("GITHUB_OUTPUT", folder.Write("out/output.txt", ""));
    }

    private string[] Arguments(string tool) => tool switch
    {
        "eval-gate" => ["-r", "samples/eval/warn.json", "-t", "thresholds/quality.yaml"],
        "drift-check" => ["--reference", "samples/drift/reference.csv", "--current", "samples/drift/current-drift.csv", "-t", "samples/drift/thresholds.yaml"],
        "latency-bench" => ["gate", "--results", "samples/latency/latency-bench.json", "--thresholds", "thresholds/latency.yaml"],
        "canary-validate" => ["--canary-name", "model-00002", "--baseline-name", "model-00001", "--namespace", "ai-production", "--template", "knative",
            "--prometheus-url", prometheus.BaseUrl, "--prometheus-user", "gates", "--error-rate-threshold", "0.02", "--duration", "2s", "--interval", "1s"],
        _ => ["--reports", GateReportInput()],
    };

    private string GateReportInput()
    {
        var report = new Core.Results.GateReport
        {
            Tool = new Core.Results.ToolInfo("eval-gate", "0.1.0"),
            Verdict = Core.Results.Verdict.Pass,
            Summary = "all gates pass",
            StartedAt = DateTimeOffset.UnixEpoch,
            DurationSeconds = 1,
            Subject = new Core.Results.Subject { Model = "support-bot", Version = "1.2" },
            Checks = [new Core.Results.CheckResult { Name = "accuracy", Verdict = Core.Results.Verdict.Pass, Reason = "0.91 >= 0.85" }],
        };
        return folder.Write("eval.json", Core.Reporting.GateReportJson.Serialize(report));
    }

    private void CopySamples()
    {
        foreach (var top in new[] { "samples", "thresholds" })
        {
            var from = RepositoryPaths.Of(top);
            foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
            {
                var to = Path.Join(folder.Path, top, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to, overwrite: true);
            }
        }
    }

    private static Func<GateEnvironment, RootCommand> Factory(string tool) => tool switch
    {
        "eval-gate" => EvalGate.EvalGateCommand.Create,
        "latency-bench" => env => LatencyBench.LatencyBenchCommand.Create(env, () => false),
        "drift-check" => DriftCheck.DriftCheckCommand.Create,
        "canary-validate" => CanaryValidate.CanaryValidateCommand.Create,
        _ => GateReport.GateReportCommand.Create,
    };

    /// <summary>A Prometheus that knows no series: every query answers an empty result of the asked type.</summary>
    private static FakeResponse EmptyPrometheus(FakeRequest request) => FakeResponse.Json(200, new JsonObject
    {
        ["status"] = "success",
        ["data"] = new JsonObject { ["resultType"] = request.Path.EndsWith("query_range", StringComparison.Ordinal) ? "matrix" : "vector", ["result"] = new JsonArray() },
    });
}
