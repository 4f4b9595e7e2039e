using Gates.GitLab.Notes;
using Gates.Testing.Fakes;
using Gates.Testing.Http;

namespace Gates.GitLab.Tests.Notes;

/// <summary>The notes client against a local server that plays GitLab's REST API v4.</summary>
public sealed class GitLabMergeRequestNotesTests : IDisposable
{
    private static readonly FakeGitLabUser Bot = new(77, "project_42_bot");
    private static readonly FakeGitLabUser Reader = new(78, "reader", CanWrite: false);
    private readonly FakeGitLab gitlab = new FakeGitLab().WithProject("42").WithToken("glpat-bot", Bot).WithToken("glpat-reader", Reader);

    private GitLabMergeRequestNotes Client(string token, string project = "42", long iid = 3) =>
        new(GitLabThreadAddress.Parse(gitlab.ApiUrl, project, iid), token, new HttpClientHandler());

    [Fact]
    public async Task Listing_follows_every_page_and_leaves_out_system_notes()
    {
        var someone = new FakeGitLabUser(1, "someone");
        for (var i = 0; i < 130; i++)
        {
            gitlab.Add("42", 3, someone, $"note {i}", system: i % 10 == 0);
        }

        using var client = Client("glpat-bot");
        var notes = await client.ListAsync(CancellationToken.None);

        notes.Count.ShouldBe(117);
        notes.ShouldNotContain(n => n.Body == "note 0");
        gitlab.Server.Requests.Count(r => r.Path.EndsWith("/notes")).ShouldBe(2);
    }

    [Fact]
    public async Task Create_update_delete_and_the_current_user()
    {
        using var client = Client("glpat-bot");

        var user = await client.CurrentUserAsync(CancellationToken.None);
        var created = await client.CreateAsync("first", CancellationToken.None);
        var updated = await client.UpdateAsync(created.Id, "second", CancellationToken.None);

        user.ShouldBe((77L, "project_42_bot"));
        created.AuthorId.ShouldBe(77);
        updated.Body.ShouldBe("second");
        await client.DeleteAsync(created.Id, CancellationToken.None);
        gitlab.On("42", 3).ShouldBeEmpty();
    }

    [Fact]
    public async Task Refusals_keep_their_status_and_gitlabs_message()
    {
        using var reader = Client("glpat-reader");
        using var stranger = Client("wrong");
        using var elsewhere = Client("glpat-bot", project: "999");
        using var bot = Client("glpat-bot");

        var forbidden = await Should.ThrowAsync<GitLabApiException>(() => reader.CreateAsync("x", CancellationToken.None));
        var unauthorized = await Should.ThrowAsync<GitLabApiException>(() => stranger.ListAsync(CancellationToken.None));
        var missing = await Should.ThrowAsync<GitLabApiException>(() => elsewhere.ListAsync(CancellationToken.None));
        var tooLong = await Should.ThrowAsync<GitLabApiException>(() => bot.CreateAsync(new string('x', 1_000_001), CancellationToken.None));

        forbidden.StatusCode.ShouldBe(403);
        forbidden.Message.ShouldContain("403 Forbidden");
        unauthorized.StatusCode.ShouldBe(401);
        missing.StatusCode.ShouldBe(404);
        missing.Message.ShouldContain("Project Not Found");
        tooLong.StatusCode.ShouldBe(422);
        tooLong.Message.ShouldContain("too long");
    }

    [Fact]
    public async Task The_token_travels_only_in_the_private_token_header()
    {
        using var client = Client("glpat-bot");
        await client.CreateAsync("hello", CancellationToken.None);

        var request = gitlab.Server.Requests.Single();
        request.Header("PRIVATE-TOKEN").ShouldBe("glpat-bot");
        request.PathAndQuery.ShouldNotContain("glpat");
        request.Body.ShouldNotContain("glpat");
    }

    [Fact]
    public void Path_style_project_ids_are_url_encoded()
    {
        GitLabThreadAddress.Parse("https://gitlab.example/api/v4/", "group/sub/project", 9).NotesPath
            .ShouldBe("projects/group%2Fsub%2Fproject/merge_requests/9/notes");
        Should.Throw<ArgumentException>(() => GitLabThreadAddress.Parse("not a url", "1", 1));
    }

    public void Dispose() => gitlab.Dispose();
}
