namespace Gates.Cli.Comments;

/// <summary>What a tool wants posted: whose comment (tool and key), how, and the Markdown with or without details.</summary>
public sealed record CommentRequest
{
    public required string Tool { get; init; }
    public string? Key { get; init; }
    public CommentMode Mode { get; init; } = CommentMode.Update;
    public PrCommentMode PrComment { get; init; } = PrCommentMode.Auto;
    public long? PrNumber { get; init; }

    /// <summary>The Markdown report; the argument says whether to include the collapsed details.</summary>
    public required Func<bool, string> Markdown { get; init; }

    public string? RunUrl { get; init; }
    public string ToolVersion { get; init; } = "1.0";
}
