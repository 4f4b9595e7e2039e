using System.Text;
using Gates.Core;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.GitHub.Tests;

public class GitHubRepositoryTests : IDisposable
{
    private readonly FakeGitHub fake = new();
    private readonly GitHubRepository repo;

    public GitHubRepositoryTests()
    {
        fake.Git.Commit("main", new Dictionary<string, string> { ["apps/isvc.yaml"] = "a: 1\n" });
        repo = new GitHubRepository(GitHubConnection.Create(fake.Token, new Uri(fake.ApiUrl)), fake.Owner, fake.Repo);
    }

    public void Dispose() => fake.Dispose();

    [Fact]
    public async Task Reads_branch_heads_and_files_at_a_commit()
    {
        var head = await repo.GetBranchHeadAsync("main");
        head.ShouldBe(fake.Git.Branches["main"]);
        Encoding.UTF8.GetString((await repo.GetFileAsync(head!, "apps/isvc.yaml"))!).ShouldBe("a: 1\n");
        (await repo.GetFileAsync(head!, "missing.yaml")).ShouldBeNull();
        (await repo.GetBranchHeadAsync("promote/x/y")).ShouldBeNull();
    }

    [Fact]
    public async Task Compare_counts_ahead_and_behind_as_github_does_and_a_diverged_branch_does_not_contain_main()
    {
        var fork = fake.Git.Branches["main"];
        fake.Git.Branches["feature"] = fork;
        fake.Git.Commit("feature", new Dictionary<string, string> { ["apps/isvc.yaml"] = "a: 2\n" });
        var feature = fake.Git.Commit("feature", new Dictionary<string, string> { ["apps/isvc.yaml"] = "a: 3\n" });
        var main = fake.Git.Commit("main", new Dictionary<string, string> { ["apps/other.yaml"] = "b: 1\n" });
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fake.Token);

        var compare = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync($"{fake.ApiUrl}/repos/{fake.Owner}/{fake.Repo}/compare/main...feature"))!;

        compare["status"]!.GetValue<string>().ShouldBe("diverged");
        compare["ahead_by"]!.GetValue<int>().ShouldBe(2);
        compare["behind_by"]!.GetValue<int>().ShouldBe(1);
        compare["merge_base_commit"]!["sha"]!.GetValue<string>().ShouldBe(fork);
        (await repo.ContainsAsync(feature, main)).ShouldBeFalse();
        (await repo.ContainsAsync(main, fork)).ShouldBeTrue();
    }

    [Fact]
    public async Task Contents_are_raw_only_when_the_accept_header_asks_for_raw()
    {
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", fake.Token);
        var url = $"{fake.ApiUrl}/repos/{fake.Owner}/{fake.Repo}/contents/apps/isvc.yaml?ref=main";

        var json = System.Text.Json.Nodes.JsonNode.Parse(await http.GetStringAsync(url))!;
        using var raw = new HttpRequestMessage(HttpMethod.Get, url);
        raw.Headers.Accept.ParseAdd("application/vnd.github.raw+json");
        using var rawResponse = await http.SendAsync(raw);

        json["encoding"]!.GetValue<string>().ShouldBe("base64");
        Encoding.UTF8.GetString(Convert.FromBase64String(json["content"]!.GetValue<string>())).ShouldBe("a: 1\n");
        (await rawResponse.Content.ReadAsStringAsync()).ShouldBe("a: 1\n");
    }

    [Fact]
    public async Task Commits_through_the_git_data_api_and_moves_refs_only_forward()
    {
        var main = fake.Git.Branches["main"];
        var first = await repo.CreateCommitAsync(main, [main], [new GitFile("apps/isvc.yaml", "a: 2\n"u8.ToArray())], "bump");
        (await repo.CreateBranchAsync("promote/fraud/prod", first)).ShouldBeTrue();
        (await repo.CreateBranchAsync("promote/fraud/prod", first)).ShouldBeFalse();
        fake.Git.ReadBranchFile("promote/fraud/prod", "apps/isvc.yaml").ShouldBe("a: 2\n");

        var sibling = await repo.CreateCommitAsync(main, [main], [new GitFile("apps/isvc.yaml", "a: 3\n"u8.ToArray())], "other");
        (await repo.FastForwardAsync("promote/fraud/prod", sibling)).ShouldBeFalse();
        fake.Requests.ShouldContain(r => r.Method == "PATCH" && r.Json!["force"]!.GetValue<bool>() == false);

        var child = await repo.CreateCommitAsync(first, [first], [new GitFile("apps/isvc.yaml", "a: 4\n"u8.ToArray())], "next");
        (await repo.FastForwardAsync("promote/fraud/prod", child)).ShouldBeTrue();
        (await repo.ContainsAsync(child, main)).ShouldBeTrue();
        (await repo.ContainsAsync(sibling, first)).ShouldBeFalse();
    }

    [Fact]
    public async Task Opening_twice_updates_the_one_pull_request()
    {
        var main = fake.Git.Branches["main"];
        fake.Git.Branches["promote/fraud/prod"] = main;
        var opened = await repo.OpenPullRequestAsync("promote/fraud/prod", "main", "t1", "b1", ["model-promotion"]);
        var again = await repo.OpenPullRequestAsync("promote/fraud/prod", "main", "t2", "b2", ["model-promotion", "env/prod"]);
        again.Number.ShouldBe(opened.Number);
        var pull = fake.OpenPulls.ShouldHaveSingleItem();
        (pull.Title, pull.Body).ShouldBe(("t2", "b2"));
        pull.Labels.ShouldBe(["model-promotion", "env/prod"]);
        fake.Requests.Count(r => r.Method == "POST" && r.Path.EndsWith("/pulls")).ShouldBe(2);
    }

    [Fact]
    public async Task Finds_the_pull_request_on_a_later_page()
    {
        fake.PageSize = 2;
        fake.IgnoreHeadFilter = true;
        for (var i = 0; i < 5; i++)
        {
            fake.Pulls.Add(new FakePullRequest { Number = 100 + i, Head = $"feature/{i}", Base = "main", Title = $"other {i}" });
        }

        fake.Pulls.Add(new FakePullRequest { Number = 200, Head = "promote/fraud/prod", Base = "main", Title = "ours" });
        (await repo.FindOpenPullRequestAsync("promote/fraud/prod", "main")).ShouldNotBeNull().Number.ShouldBe(200);
        fake.Requests.Count(r => r.Method == "GET" && r.Path.EndsWith("/pulls")).ShouldBe(3);
    }

    [Fact]
    public async Task A_refused_token_is_a_usage_error_that_does_not_print_the_token()
    {
        var wrong = new GitHubRepository(GitHubConnection.Create("wrong-secret-456", new Uri(fake.ApiUrl)), fake.Owner, fake.Repo);
        var error = await Should.ThrowAsync<GateInputException>(() => wrong.GetBranchHeadAsync("main"));
        error.Message.ShouldContain("token was refused");
        error.Message.ShouldNotContain("wrong-secret-456");
    }

    [Fact]
    public async Task The_api_root_path_is_kept_as_given()
    {
        using var elsewhere = new FakeGitHub(apiPath: "/proxy/github/");
        elsewhere.Git.Commit("main", new Dictionary<string, string> { ["f"] = "x" });
        var client = new GitHubRepository(GitHubConnection.Create(elsewhere.Token, new Uri(elsewhere.ApiUrl)), elsewhere.Owner, elsewhere.Repo);
        (await client.GetBranchHeadAsync("main")).ShouldBe(elsewhere.Git.Branches["main"]);
    }
}
