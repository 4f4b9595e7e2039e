using Gates.Cli.Comments;
using Gates.Core.Reporting;

namespace Gates.Cli;

/// <summary>How a tool's report is presented beyond the standard renderers, and the services comment posting uses.</summary>
public sealed record PublishOptions
{
    public static PublishOptions Default { get; } = new();

    /// <summary>
    /// The Markdown renderer with (true) or without (false) the collapsed details, used for <c>--format markdown</c>,
    /// the step summary and the sticky comment. Null means <see cref="MarkdownRenderer"/>.
    /// </summary>
    public Func<bool, IReportRenderer>? Markdown { get; init; }

    /// <summary>The tool's own HTML report for <c>--html</c>; null means <see cref="HtmlRenderer"/>.</summary>
    public IReportRenderer? Html { get; init; }

    public CommentServices Comments { get; init; } = CommentServices.Default;

    /// <summary>HTTP for --push-metrics; null means real sockets and real waits.</summary>
    public Gates.Http.HttpServices? Http { get; init; }

    internal Func<bool, IReportRenderer> MarkdownOrDefault => Markdown ?? (details => new MarkdownRenderer(details));
}
