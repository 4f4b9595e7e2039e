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
