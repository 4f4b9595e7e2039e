using Gates.GitLab.Notes;

namespace Gates.Cli.Comments;

/// <summary>A GitLab merge request's notes; our own notes are those by the token's user (<c>GET /user</c>).</summary>
internal sealed class GitLabThread(GitLabMergeRequestNotes api, string description) : ICommentThread
{
    /// <summary>GitLab's documented limit for note bodies.</summary>
    public const int Limit = 1_000_000;

    private long? userId;

    public string Description { get; } = description;

    public int MaxBodyLength => Limit;

    public Task<IReadOnlyList<ThreadComment>> ListOwnAsync(CancellationToken ct) => Call<IReadOnlyList<ThreadComment>>(async () =>
    {
        userId ??= (await api.CurrentUserAsync(ct)).Id;
        var all = await api.ListAsync(ct);
        return [.. all.Where(n => n.AuthorId == userId).Select(ToThread)];
    });

    public Task<ThreadComment> CreateAsync(string body, CancellationToken ct) => Call(async () => ToThread(await api.CreateAsync(body, ct)));

    public Task<ThreadComment> UpdateAsync(long id, string body, CancellationToken ct) => Call(async () => ToThread(await api.UpdateAsync(id, body, ct)));

    public Task DeleteAsync(long id, CancellationToken ct) => Call(async () =>
    {
        await api.DeleteAsync(id, ct);
        return true;
    });

    private static ThreadComment ToThread(GitLabNote note) => new(note.Id, note.Body, note.Url);

    private static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (GitLabApiException e)
        {
            throw new CommentApiException(e.StatusCode, e.Message, e);
        }
    }
}
