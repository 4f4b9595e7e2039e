namespace Gates.Cli.Comments;

/// <summary>What happened to the sticky comment; published as the <c>comment-status</c> output on GitHub.</summary>
public enum CommentStatus
{
    Created,
    Updated,
    Unchanged,
    SkippedOff,
    SkippedNoPr,
    SkippedFork,
    SkippedNoToken,
    Failed,
}

public static class CommentStatusExtensions
{
    /// <summary>created, updated, unchanged, skipped-off, skipped-no-pr, skipped-fork, skipped-no-token, failed.</summary>
    public static string ToWord(this CommentStatus status) => status switch
    {
        CommentStatus.Created => "created",
        CommentStatus.Updated => "updated",
        CommentStatus.Unchanged => "unchanged",
        CommentStatus.SkippedOff => "skipped-off",
        CommentStatus.SkippedNoPr => "skipped-no-pr",
        CommentStatus.SkippedFork => "skipped-fork",
        CommentStatus.SkippedNoToken => "skipped-no-token",
        _ => "failed",
    };

    /// <summary>True when a comment could not be posted although one was wanted (what <c>--pr-comment required</c> refuses).</summary>
    public static bool IsFailure(this CommentStatus status) =>
        status is CommentStatus.Failed or CommentStatus.SkippedFork or CommentStatus.SkippedNoToken;
}

/// <summary>The result of the comment step: status, the comment's address when known, and the one message shown.</summary>
public sealed record CommentOutcome(CommentStatus Status, string? Url = null, string? Message = null);
