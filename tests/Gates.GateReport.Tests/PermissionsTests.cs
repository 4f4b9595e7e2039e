using Gates.Core.Results;
using Gates.Testing.Fakes;
using Gates.Testing.Permissions;
using static Gates.GateReport.Tests.GateReportHarness;

namespace Gates.GateReport.Tests;

/// <summary>
/// The sticky comment needs exactly what docs/permissions.md gives it: every request the fake forge recorded is
/// allowed by the documented permissions, and every documented permission was needed.
/// </summary>
public class PermissionsTests
{
    private const string Token = "ghs_permissions_token_1234";
    private const string GitLabToken = "glpat-permissions-token-5678";

    [Fact]
    public void A_github_comment_job_needs_exactly_the_documented_permissions()
    {
        using var github = new FakeGitHub().WithRepository("acme/models").WithToken(Token, FakeAccount.ActionsToken);
        using var gate = new GateReportHarness();
        gate.Variables["GITHUB_ACTIONS"] = "true";
        gate.Variables["GITHUB_REPOSITORY"] = "acme/models";
        gate.Variables["GITHUB_API_URL"] = github.ApiUrl;
        gate.Variables["GITHUB_TOKEN"] = Token;
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Pass));

        gate.Run("--reports", "reports/*.json", "--pr-number", "5").ShouldExit(0);
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));
        gate.Run("--reports", "reports/*.json", "--pr-number", "5").ShouldExit(1);

        var granted = DocumentedPermissions.GitHub("comment");
        github.Requests.Select(r => r.Method).Distinct().ShouldBe(["GET", "POST", "PATCH"], ignoreOrder: true);
        GitHubPermissions.Refused(github.Requests, granted).ShouldBeEmpty();
        GitHubPermissions.Unused(github.Requests, granted).ShouldBeEmpty();
    }

    [Fact]
    public void A_gitlab_note_needs_exactly_the_documented_scope_and_role()
    {
        using var gitlab = new FakeGitLab().WithProject("42").WithToken(GitLabToken, new FakeGitLabUser(77, "project_42_bot"));
        using var gate = new GateReportHarness();
        gate.Variables["GITLAB_CI"] = "true";
        gate.Variables["CI_API_V4_URL"] = gitlab.ApiUrl;
        gate.Variables["CI_PROJECT_ID"] = "42";
        gate.Variables["CI_MERGE_REQUEST_IID"] = "3";
        gate.Variables["GITLAB_TOKEN"] = GitLabToken;
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Pass));

        gate.Run("--reports", "reports/*.json").ShouldExit(0);
        gate.Write("reports/eval.json", Report("eval-gate", Verdict.Fail));
        gate.Run("--reports", "reports/*.json").ShouldExit(1);

        var (scopes, role) = DocumentedPermissions.GitLab("sticky merge-request note");
        gitlab.Requests.ShouldAllBe(r => GitLabPermissions.Allows(r, scopes, role));
        var least = GitLabPermissions.Least(gitlab.Requests);
        least.Scopes.ShouldBe(scopes, ignoreOrder: true);
        least.Role.ShouldBe(role);
    }
}
