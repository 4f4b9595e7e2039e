namespace Gates.Cli.Hosts;

/// <summary>What the command decided that the host outputs need.</summary>
public sealed record HostPublishSettings
{
    /// <summary>Where <c>--report-json</c> wrote the report, published as the <c>report-json</c> output; null when not asked.</summary>
    public string? ReportJsonPath { get; init; }

    /// <summary><c>--outputs-dir</c>: the folder for GitLab report files and Argo output files.</summary>
    public string? OutputsDir { get; init; }

    /// <summary>The exit-code decision: true when the tool exits 0. Published as <c>passed</c>.</summary>
    public required bool Passed { get; init; }

    /// <summary>Relative paths resolve against this folder; GitLab files go here when no outputs dir is given.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>The Markdown renderer (with or without details) for the step summary; null means the standard report.</summary>
    public Func<bool, Core.Reporting.IReportRenderer>? Markdown { get; init; }
}
