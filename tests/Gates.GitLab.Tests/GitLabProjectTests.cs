using System.Text;
using Gates.Core;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.GitLab.Tests;

public class GitLabProjectTests : IDisposable
{
    private readonly FakeGitLab fake = new();
    private readonly HttpClient http = new();
    private readonly GitLabProject project;

    public GitLabProjectTests()
    {
        fake.Git.Commit("main", new Dictionary<string, string> { ["apps/isvc.yaml"] = "a: 1\n", ["apps/other.yaml"] = "b: 1\n" });
        project = new GitLabProject(http, new Uri(fake.ApiUrl), fake.Project, fake.Token);
    }

    public void Dispose()
    {
        http.Dispose();
        fake.Dispose();
    }

    [Fact]
    public async Task Reads_heads_files_and_merge_bases()
    {
        var main = await project.GetBranchHeadAsync("main", default);
        main.ShouldBe(fake.Git.Branches["main"]);
        var file = (await project.GetFileAsync(main!, "apps/isvc.yaml", default)).ShouldNotBeNull();
        Encoding.UTF8.GetString(file.Content).ShouldBe("a: 1\n");
        file.LastCommitId.ShouldBe(main);
        (await project.GetFileAsync(main!, "nope.yaml", default)).ShouldBeNull();
        (await project.GetBranchHeadAsync("promote/x/y", default)).ShouldBeNull();
        var next = fake.Git.Commit("main", new Dictionary<string, string> { ["apps/other.yaml"] = "b: 2\n" });
        (await project.ContainsAsync(next, main!, default)).ShouldBeTrue();
        (await project.ContainsAsync(main!, next, default)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_file_path_or_branch_with_unencoded_slashes_does_not_reach_the_endpoint_as_on_gitlab()
    {
        var encoded = Uri.EscapeDataString(fake.Project);
        fake.Git.Branches["promote/x/y"] = fake.Git.Branches["main"];

        async Task<int> StatusAsync(string path)
        {
            using var message = new HttpRequestMessage(HttpMethod.Get, $"{fake.ApiUrl}/projects/{encoded}/{path}");
            message.Headers.Add("PRIVATE-TOKEN", fake.Token);
            using var response = await http.SendAsync(message);
            return (int)response.StatusCode;
        }

        (await StatusAsync("repository/files/apps%2Fisvc.yaml?ref=main")).ShouldBe(200);
        (await StatusAsync("repository/files/apps/isvc.yaml?ref=main")).ShouldBe(404);
        (await StatusAsync("repository/branches/promote%2Fx%2Fy")).ShouldBe(200);
        (await StatusAsync("repository/branches/promote/x/y")).ShouldBe(404);
        (await project.GetBranchHeadAsync("promote/x/y", default)).ShouldBe(fake.Git.Branches["main"]);
    }

    [Fact]
    public async Task Commits_refuse_a_file_that_changed_since_it_was_read()
    {
        var main = fake.Git.Branches["main"];
        (await project.CommitAsync("promote/m/e", main, false, [new GitLabAction("apps/isvc.yaml", "a: 2\n"u8.ToArray(), null)], "bump", default)).ShouldBeTrue();
        (await project.CommitAsync("promote/m/e", main, false, [new GitLabAction("apps/isvc.yaml", "a: 3\n"u8.ToArray(), null)], "again", default)).ShouldBeFalse();

        var read = (await project.GetFileAsync("promote/m/e", "apps/isvc.yaml", default))!;
        fake.Git.Commit("promote/m/e", new Dictionary<string, string> { ["apps/isvc.yaml"] = "a: 9\n" }, "someone else");
        (await project.CommitAsync("promote/m/e", null, false, [new GitLabAction("apps/isvc.yaml", "a: 4\n"u8.ToArray(), read.LastCommitId)], "late", default)).ShouldBeFalse();
        fake.Git.ReadBranchFile("promote/m/e", "apps/isvc.yaml").ShouldBe("a: 9\n");
    }

    [Fact]
    public async Task Opening_twice_updates_the_one_merge_request()
    {
        fake.Git.Branches["promote/m/e"] = fake.Git.Branches["main"];
        var first = await project.OpenMergeRequestAsync("promote/m/e", "main", "t1", "d1", ["model-promotion"], default);
        var second = await project.OpenMergeRequestAsync("promote/m/e", "main", "t2", "d2", ["env/prod"], default);
        second.Iid.ShouldBe(first.Iid);
        var mr = fake.MergeRequests.ShouldHaveSingleItem();
        (mr.Title, mr.Description).ShouldBe(("t2", "d2"));
        mr.Labels.ShouldBe(["model-promotion", "env/prod"]);
    }

    [Fact]
    public async Task A_refused_token_is_a_usage_error_without_the_token()
    {
        using var client = new HttpClient();
        var wrong = new GitLabProject(client, new Uri(fake.ApiUrl), fake.Project, "glpat-wrong-000");
        var error = await Should.ThrowAsync<GateInputException>(() => wrong.GetBranchHeadAsync("main", default));
        error.Message.ShouldContain("token was refused");
        error.Message.ShouldNotContain("glpat-wrong-000");
    }
}
