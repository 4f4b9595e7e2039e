namespace Gates.Cli;

/// <summary>The common flags, bound and validated; paths are absolute.</summary>
public sealed record CommonSettings
{
    public string? Thresholds { get; init; }
    public string? ReportJson { get; init; }
    public string Format { get; init; } = "text";
    public string? Output { get; init; }
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

    public string RequireThresholds() =>
        Thresholds ?? throw new Core.GateInputException("--thresholds is required (or set GATES_THRESHOLDS)");
}

public enum PrCommentMode
{
    Auto,
    Off,
    Required,
}
