namespace Gates.Cli.Comments;

/// <summary>
/// One comment per marker: found among the account's own comments (all pages), updated in place, or created
/// once. After a write the thread is read again and duplicates (from concurrent runs, or a create retried after
/// a lost response) are deleted, keeping the oldest, so reruns converge on exactly one comment.
/// </summary>
public static class StickyComment
{
    public static async Task<CommentOutcome> UpsertAsync(ICommentThread thread, string marker, string body, CommentMode mode, CancellationToken ct)
    {
        var existing = Marked(await thread.ListOwnAsync(ct), marker);
        if (mode == CommentMode.Recreate)
        {
            foreach (var old in existing)
            {
                await thread.DeleteAsync(old.Id, ct);
            }

            existing = [];
        }

        if (existing.Count > 0)
        {
            var keep = existing[0];
            await DeleteAll(thread, existing.Skip(1), ct);
            if (Same(keep.Body, body))
            {
                return new CommentOutcome(CommentStatus.Unchanged, keep.Url);
            }

            var updated = await thread.UpdateAsync(keep.Id, body, ct);
            return new CommentOutcome(CommentStatus.Updated, updated.Url ?? keep.Url);
        }

        var created = await thread.CreateAsync(body, ct);
        return await Converge(thread, marker, body, created, ct);
    }

    /// <summary>After a create: keep the oldest marked comment, delete the rest, and make sure the kept one has our body.</summary>
    private static async Task<CommentOutcome> Converge(ICommentThread thread, string marker, string body, ThreadComment created, CancellationToken ct)
    {
        var marked = Marked(await thread.ListOwnAsync(ct), marker);
        if (marked.Count <= 1)
        {
            return new CommentOutcome(CommentStatus.Created, created.Url);
        }

        var keep = marked[0];
        await DeleteAll(thread, marked.Skip(1), ct);
        if (keep.Id == created.Id)
        {
            return new CommentOutcome(CommentStatus.Created, created.Url);
        }

        var updated = Same(keep.Body, body) ? keep : await thread.UpdateAsync(keep.Id, body, ct);
        return new CommentOutcome(CommentStatus.Updated, updated.Url ?? keep.Url);
    }

    private static List<ThreadComment> Marked(IReadOnlyList<ThreadComment> comments, string marker) =>
        [.. comments.Where(c => c.Body.Contains(marker, StringComparison.Ordinal)).OrderBy(c => c.Id)];

    private static async Task DeleteAll(ICommentThread thread, IEnumerable<ThreadComment> comments, CancellationToken ct)
    {
        foreach (var comment in comments)
        {
            await thread.DeleteAsync(comment.Id, ct);
        }
    }

    /// <summary>Platforms may store \r\n for \n and trim the end; neither is a change.</summary>
    private static bool Same(string stored, string body) =>
        string.Equals(stored.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), body.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd(), StringComparison.Ordinal);
}

/// <summary><c>--comment-mode</c>: update the comment in place (default), delete and post anew (a fresh notification), or post nothing.</summary>
public enum CommentMode
{
    Update,
    Recreate,
    Off,
}
