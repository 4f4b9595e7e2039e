using Gates.Cli.Comments;
using Gates.Core.Results;
using Gates.Testing;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.Cli.Tests.Comments;

/// <summary>
/// Publishes reports the way every tool does (<see cref="ReportOutputs"/>) in a GitHub Actions or GitLab CI
/// environment whose API is a local fake; waits between retries are recorded instead of slept.
/// </summary>
internal sealed class CommentHarness : IDisposable
{
    public const string Repo = "acme/models";
    public const int Pr = 12;
    public const string GitHubToken = "ghs_s3cr3t_t0ken_value";
    public const string GitLabToken = "glpat-s3cr3t-t0ken";
    public static readonly FakeGitLabUser GitLabBot = new(77, "project_42_bot");

    private CommentHarness(Dictionary<string, string?> variables)
    {
        Variables = variables;
    }

    public TempFolder Folder { get; } = new();
    public FakeGitHub? GitHub { get; private init; }
    public FakeGitLab? GitLab { get; private init; }
    public Dictionary<string, string?> Variables { get; }
    public List<TimeSpan> Waits { get; } = [];
    public string Stdout { get; private set; } = "";
    public string Stderr { get; private set; } = "";

    public LocalHttpServer Server => GitHub?.Server ?? GitLab!.Server;

    public static CommentHarness ForGitHub(FakeAccount? account = null, string? eventJson = null)
    {
        var api = new FakeGitHub().WithRepository(Repo).WithToken(GitHubToken, account ?? FakeAccount.ActionsToken);
        var harness = new CommentHarness(new Dictionary<string, string?>
        {
            ["GITHUB_ACTIONS"] = "true",
            ["GITHUB_REPOSITORY"] = Repo,
            ["GITHUB_API_URL"] = api.ApiUrl,
            ["GITHUB_TOKEN"] = GitHubToken,
            ["GITHUB_EVENT_NAME"] = "pull_request",
            ["GITHUB_SERVER_URL"] = "https://github.example",
            ["GITHUB_RUN_ID"] = "987",
        }) { GitHub = api };
        harness.Variables["GITHUB_EVENT_PATH"] = harness.Folder.Write("event.json", eventJson ?? PullRequestEvent(Pr));
        harness.Variables["GITHUB_STEP_SUMMARY"] = harness.Folder.Write("summary.md", "");
        harness.Variables["GITHUB_OUTPUT"] = harness.Folder.Write("output.txt", "");
        return harness;
    }

    public static CommentHarness ForGitLab(FakeGitLabUser? user = null)
    {
        var api = new FakeGitLab().WithProject("42").WithToken(GitLabToken, user ?? GitLabBot);
        var harness = new CommentHarness(new Dictionary<string, string?>
        {
            ["GITLAB_CI"] = "true",
            ["CI_API_V4_URL"] = api.ApiUrl,
            ["CI_PROJECT_ID"] = "42",
            ["CI_MERGE_REQUEST_IID"] = "3",
            ["GITLAB_TOKEN"] = GitLabToken,
            ["CI_PIPELINE_URL"] = "https://gitlab.example/acme/models/-/pipelines/55",
        }) { GitLab = api };
        return harness;
    }

    public static string PullRequestEvent(int number, string head = Repo, string baseRepo = Repo) =>
        new System.Text.Json.Nodes.JsonObject
        {
            ["action"] = "synchronize",
            ["number"] = number,
            ["pull_request"] = new System.Text.Json.Nodes.JsonObject
            {
                ["number"] = number,
                ["head"] = new System.Text.Json.Nodes.JsonObject { ["repo"] = new System.Text.Json.Nodes.JsonObject { ["full_name"] = head } },
                ["base"] = new System.Text.Json.Nodes.JsonObject { ["repo"] = new System.Text.Json.Nodes.JsonObject { ["full_name"] = baseRepo } },
            },
        }.ToJsonString();

    public IEnumerable<FakeComment> Comments => GitHub!.On(Repo, Pr);

    public IEnumerable<FakeNote> Notes => GitLab!.On("42", 3);

    public string Outputs => File.ReadAllText(Variables["GITHUB_OUTPUT"]!);

    public string Summary => File.ReadAllText(Variables["GITHUB_STEP_SUMMARY"]!);

    public int Publish(GateReport report, CommonSettings? settings = null, PublishOptions? options = null)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var env = new GateEnvironment(stdout, stderr, Variables, TimeProvider.System, Folder.Path);
        var services = new CommentServices
        {
            Handler = () => new HttpClientHandler(),
            Delay = (span, _) =>
            {
                Waits.Add(span);
                return Task.CompletedTask;
            },
        };
        var code = ReportOutputs.PublishAsync(report, settings ?? new CommonSettings(), env, (options ?? new PublishOptions()) with { Comments = services }, CancellationToken.None)
            .GetAwaiter().GetResult();
        Stdout = stdout.ToString();
        Stderr = stderr.ToString();
        return code;
    }

    public void Dispose()
    {
        GitHub?.Dispose();
        GitLab?.Dispose();
        Folder.Dispose();
    }
}
