namespace Gates.Cli;

/// <summary>The common flags, bound and validated; paths are absolute.</summary>
public sealed record CommonSettings
{
    public string? Thresholds { get; init; }
    public string? ReportJson { get; init; }
    public string Format { get; init; } = "text";
    public string? Output { get; init; }

    /// <summary>--markdown: where to write the Markdown report as a side output; null when not asked.</summary>
    public string? Markdown { get; init; }

    /// <summary>--html: where to write the HTML report as a side output; null when not asked.</summary>
    public string? Html { get; init; }

    public FailOn FailOn { get; init; }
    public InconclusivePolicy OnInconclusive { get; init; }
    public string? Ci { get; init; }
    public PrCommentMode PrComment { get; init; }
    public string? CommentKey { get; init; }
    public Comments.CommentMode CommentMode { get; init; }
    public long? PrNumber { get; init; }
    public string? OutputsDir { get; init; }
    public string? SubjectModel { get; init; }
    public string? SubjectVersion { get; init; }
    public bool Verbose { get; init; }

    /// <summary>--environment: the environment the run is for (a metrics label; manifest-bump's {{environment}}).</summary>
    public string? Environment { get; init; }

    /// <summary>--push-metrics: the Pushgateway to push the report's metrics to; null when not asked.</summary>
    public Uri? PushMetrics { get; init; }

    /// <summary>--metrics-file: where to write the report's metrics in the text exposition format; null when not asked.</summary>
    public string? MetricsFile { get; init; }

    /// <summary>Whether a report file was asked for (--report-json, --output, --markdown or --html).</summary>
    public bool WritesReportFiles => ReportJson is not null || Output is not null || Markdown is not null || Html is not null;

    public string RequireThresholds() =>
        Thresholds ?? throw new Core.GateInputException("--thresholds is required (or set GATES_THRESHOLDS)");
}

public enum PrCommentMode
{
    Auto,
    Off,
    Required,
}
