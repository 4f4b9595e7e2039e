using Gates.GitHub.Comments;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.GitHub.Tests.Comments;

/// <summary>The comment client (plain HTTP, no Octokit) against a local server that plays GitHub's REST API.</summary>
public sealed class GitHubIssueCommentsTests : IDisposable
{
    private const string Repo = "acme/models";
    private readonly FakeGitHub github = new FakeGitHub()
        .WithRepository(Repo)
        .WithToken("ghs_actions", FakeAccount.ActionsToken)
        .WithToken("ghp_person", new FakeAccount("release-bot", IsBot: false))
        .WithToken("ghs_readonly", FakeAccount.ReadOnlyActionsToken);

    private GitHubIssueComments Client(string token, int number = 7, FakeGitHub? api = null, string repo = Repo) =>
        new(GitHubThreadAddress.Parse((api ?? github).ApiUrl, repo, number), token, () => new HttpClientHandler());

    [Fact]
    public async Task Listing_follows_the_link_headers_through_every_page()
    {
        for (var i = 0; i < 150; i++)
        {
            github.Add(Repo, 7, "someone", $"comment {i}");
        }

        var comments = await Client("ghs_actions").ListAsync();

        comments.Count.ShouldBe(150);
        comments[^1].Body.ShouldBe("comment 149");
        var pages = github.Server.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith("/comments")).ToList();
        pages.Select(r => r.Query.GetValueOrDefault("page") ?? "1").ShouldBe(["1", "2"]);
        pages.ShouldAllBe(r => r.Query.GetValueOrDefault("per_page") == "100");
    }

    [Fact]
    public async Task Create_update_and_delete_round_trip_with_the_author()
    {
        var client = Client("ghs_actions");

        var created = await client.CreateAsync("first");
        var updated = await client.UpdateAsync(created.Id, "second");

        created.AuthorLogin.ShouldBe("github-actions[bot]");
        created.AuthorIsBot.ShouldBeTrue();
        updated.Body.ShouldBe("second");
        github.On(Repo, 7).Single().Body.ShouldBe("second");

        await client.DeleteAsync(created.Id);
        github.On(Repo, 7).ShouldBeEmpty();
    }

    [Fact]
    public async Task Current_login_is_null_for_app_tokens_and_known_for_personal_tokens()
    {
        (await Client("ghs_actions").CurrentLoginAsync()).ShouldBeNull();
        (await Client("ghp_person").CurrentLoginAsync()).ShouldBe("release-bot");
    }

    [Fact]
    public async Task A_read_only_token_gets_403_with_githubs_message()
    {
        var error = await Should.ThrowAsync<GitHubApiException>(() => Client("ghs_readonly").CreateAsync("hello"));

        error.StatusCode.ShouldBe(403);
        error.Message.ShouldContain("Resource not accessible by integration");
    }

    [Fact]
    public async Task Unknown_repositories_are_404_and_bad_tokens_401()
    {
        (await Should.ThrowAsync<GitHubApiException>(() => Client("ghs_actions", repo: "acme/missing").ListAsync())).StatusCode.ShouldBe(404);
        (await Should.ThrowAsync<GitHubApiException>(() => Client("nope").ListAsync())).StatusCode.ShouldBe(401);
    }

    [Fact]
    public async Task An_oversized_body_is_422_with_the_reason()
    {
        var error = await Should.ThrowAsync<GitHubApiException>(() => Client("ghs_actions").CreateAsync(new string('x', 65_537)));

        error.StatusCode.ShouldBe(422);
        error.Message.ShouldContain("too long");
    }

    [Fact]
    public async Task Enterprise_server_urls_with_api_v3_are_used_as_given()
    {
        using var enterprise = new FakeGitHub(apiPath: "/api/v3").WithRepository(Repo).WithToken("ghs_actions", FakeAccount.ActionsToken);

        await Client("ghs_actions", api: enterprise).CreateAsync("on GHES");

        enterprise.Server.Requests.ShouldAllBe(r => r.Path.StartsWith("/api/v3/"));
        enterprise.On(Repo, 7).Single().Body.ShouldBe("on GHES");
    }

    [Fact]
    public async Task The_token_travels_only_in_the_authorization_header()
    {
        await Client("ghs_actions").CreateAsync("hello");

        var request = github.Server.Requests.Single();
        request.Header("Authorization")!.ShouldEndWith(" ghs_actions");
        request.PathAndQuery.ShouldNotContain("ghs_actions");
        request.Body.ShouldNotContain("ghs_actions");
    }

    [Fact]
    public void Addresses_refuse_what_is_not_owner_slash_name_or_an_http_url()
    {
        Should.Throw<ArgumentException>(() => GitHubThreadAddress.Parse("https://api.github.com", "just-a-name", 1));
        Should.Throw<ArgumentException>(() => GitHubThreadAddress.Parse("file:///etc", "a/b", 1));
        GitHubThreadAddress.Parse("https://ghe.example/api/v3", "a/b", 3).ApiUrl.ToString().ShouldBe("https://ghe.example/api/v3/");
    }

    public void Dispose() => github.Dispose();
}
