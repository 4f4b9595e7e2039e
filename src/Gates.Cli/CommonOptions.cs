using System.CommandLine;

namespace Gates.Cli;

/// <summary>The flags every tool shares (docs/common-flags.md), each also read from GATES_&lt;FLAG&gt;.</summary>
public sealed class CommonOptions
{
    public CommonOptions(GateEnvironment env)
    {
        Thresholds = EnvOption.Text(env, "--thresholds", "Threshold YAML file", "-t");
        ReportJson = EnvOption.Text(env, "--report-json", "Write the gate report (JSON) to this path");
        Format = EnvOption.Text(env, "--format", "What to print: text | markdown | json | junit (default text)");
        Output = EnvOption.Text(env, "--output", "Write the --format output (the rendered report) to this file instead of stdout", "-o");
        Markdown = EnvOption.Text(env, "--markdown", "Also write the Markdown report (with details) to this file");
        Html = EnvOption.Text(env, "--html", "Also write a self-contained HTML report to this file");
        FailOn = EnvOption.Text(env, "--fail-on", "Lowest verdict that fails the run: fail | warn (default fail)");
        OnInconclusive = EnvOption.Text(env, "--on-inconclusive", "Map an inconclusive verdict: exit (4) | pass | warn | fail");
        Ci = EnvOption.Text(env, "--ci", "CI host: github | gitlab | argo | none (detected from the environment by default)");
        PrComment = EnvOption.Text(env, "--pr-comment", "Pull-request comment: auto | off | required (default auto; required makes a failed post exit 3)");
        CommentKey = EnvOption.Text(env, "--comment-key", "Key of the sticky comment, so several runs of one tool keep separate comments (default: the subject model, else 'default')");
        CommentMode = EnvOption.Text(env, "--comment-mode", "Sticky comment: update (in place) | recreate (delete and post anew) | off (default update)");
        PrNumber = EnvOption.Text(env, "--pr-number", "Pull or merge request to comment on (default: from the CI event)");
        OutputsDir = EnvOption.Text(env, "--outputs-dir", "Folder for output files (Argo output parameters, GitLab artifacts)");
        SubjectModel = EnvOption.Text(env, "--subject-model", "Model name recorded in the report");
        SubjectVersion = EnvOption.Text(env, "--subject-version", "Model version recorded in the report");
        Environment = EnvOption.Text(env, "--environment", "Environment the run is for, e.g. prod (a label of --push-metrics and --metrics-file; manifest-bump fills {{environment}})");
        PushMetrics = EnvOption.Text(env, "--push-metrics", "Push the verdict and checks as metrics to this Prometheus Pushgateway URL (group job=gates, model, environment, tool)");
        MetricsFile = EnvOption.Text(env, "--metrics-file", "Write the verdict and checks as Prometheus metrics (text format, for node-exporter's textfile collector) to this file");
        Verbose = EnvOption.Flag(env, "--verbose", "Print diagnostics and stack traces", "-v");
    }

    public Option<string?> Thresholds { get; }
    public Option<string?> ReportJson { get; }
    public Option<string?> Format { get; }
    public Option<string?> Output { get; }
    public Option<string?> Markdown { get; }
    public Option<string?> Html { get; }
    public Option<string?> FailOn { get; }
    public Option<string?> OnInconclusive { get; }
    public Option<string?> Ci { get; }
    public Option<string?> PrComment { get; }
    public Option<string?> CommentKey { get; }
    public Option<string?> CommentMode { get; }
    public Option<string?> PrNumber { get; }
    public Option<string?> OutputsDir { get; }
    public Option<string?> SubjectModel { get; }
    public Option<string?> SubjectVersion { get; }
    public Option<string?> Environment { get; }
    public Option<string?> PushMetrics { get; }
    public Option<string?> MetricsFile { get; }
    public Option<bool> Verbose { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Thresholds, ReportJson, Format, Output, Markdown, Html, FailOn, OnInconclusive, Ci, PrComment, CommentKey, CommentMode, PrNumber, OutputsDir, SubjectModel, SubjectVersion, Environment, PushMetrics, MetricsFile, Verbose })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The --ci value, checked before any work: an unknown host is exit 2 before a file is read.</summary>
    private static string? CiHost(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return value.Trim().ToLowerInvariant() is "github" or "gitlab" or "argo" or "none"
            ? value.Trim()
            : throw FlagValues.Invalid("--ci", value, "one of github|gitlab|argo|none");
    }

    public CommonSettings Bind(ParseResult parse, GateEnvironment env)
    {
        string? Path(Option<string?> option) => FlagValues.Path(parse.GetValue(option), env);

        var format = parse.GetValue(Format) ?? "text";
        if (format is not ("text" or "markdown" or "json" or "junit"))
        {
            throw FlagValues.Invalid("--format", format, "one of text|markdown|json|junit");
        }

        var prComment = EnvOption.ParseWord(parse.GetValue(PrComment), "--pr-comment", PrCommentMode.Auto);
        var prNumber = FlagValues.Long(parse.GetValue(PrNumber), "--pr-number");

        return new CommonSettings
        {
            Thresholds = Path(Thresholds),
            ReportJson = Path(ReportJson),
            Format = format,
            Output = Path(Output),
            Markdown = Path(Markdown),
            Html = Path(Html),
            FailOn = EnvOption.ParseWord(parse.GetValue(FailOn), "--fail-on", Cli.FailOn.Fail),
            OnInconclusive = EnvOption.ParseWord(parse.GetValue(OnInconclusive), "--on-inconclusive", InconclusivePolicy.Exit),
            Ci = CiHost(parse.GetValue(Ci)),
            PrComment = prComment,
            CommentKey = parse.GetValue(CommentKey),
            CommentMode = EnvOption.ParseWord(parse.GetValue(CommentMode), "--comment-mode", Comments.CommentMode.Update),
            PrNumber = prNumber,
            OutputsDir = Path(OutputsDir),
            SubjectModel = parse.GetValue(SubjectModel),
            SubjectVersion = parse.GetValue(SubjectVersion),
            Environment = parse.GetValue(Environment),
            PushMetrics = FlagValues.Url(parse.GetValue(PushMetrics), "--push-metrics"),
            MetricsFile = Path(MetricsFile),
            Verbose = parse.GetValue(Verbose),
        };
    }
}
