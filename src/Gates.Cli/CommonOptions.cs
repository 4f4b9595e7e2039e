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
        Output = EnvOption.Text(env, "--output", "Write the --format output to this file instead of stdout", "-o");
        FailOn = EnvOption.Text(env, "--fail-on", "Lowest verdict that fails the run: fail | warn (default fail)");
        OnInconclusive = EnvOption.Text(env, "--on-inconclusive", "Map an inconclusive verdict: exit (4) | pass | warn | fail");
        Ci = EnvOption.Text(env, "--ci", "CI host: github | gitlab | argo | none (detected from the environment by default)");
        PrComment = EnvOption.Text(env, "--pr-comment", "Pull-request comment: auto | off | required (default auto)");
        OutputsDir = EnvOption.Text(env, "--outputs-dir", "Folder for output files (Argo output parameters, GitLab artifacts)");
        SubjectModel = EnvOption.Text(env, "--subject-model", "Model name recorded in the report");
        SubjectVersion = EnvOption.Text(env, "--subject-version", "Model version recorded in the report");
        Verbose = EnvOption.Flag(env, "--verbose", "Print diagnostics and stack traces", "-v");
    }

    public Option<string?> Thresholds { get; }
    public Option<string?> ReportJson { get; }
    public Option<string?> Format { get; }
    public Option<string?> Output { get; }
    public Option<string?> FailOn { get; }
    public Option<string?> OnInconclusive { get; }
    public Option<string?> Ci { get; }
    public Option<string?> PrComment { get; }
    public Option<string?> OutputsDir { get; }
    public Option<string?> SubjectModel { get; }
    public Option<string?> SubjectVersion { get; }
    public Option<bool> Verbose { get; }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Thresholds, ReportJson, Format, Output, FailOn, OnInconclusive, Ci, PrComment, OutputsDir, SubjectModel, SubjectVersion, Verbose })
        {
            command.Options.Add(option);
        }
    }

    public CommonSettings Bind(ParseResult parse, GateEnvironment env)
    {
        string? Path(Option<string?> option) => parse.GetValue(option) is { Length: > 0 } p ? env.Resolve(p) : null;

        var format = parse.GetValue(Format) ?? "text";
        if (format is not ("text" or "markdown" or "json" or "junit"))
        {
            throw new Core.GateInputException($"--format: '{format}' is not one of text|markdown|json|junit");
        }

        var prComment = EnvOption.ParseWord(parse.GetValue(PrComment), "--pr-comment", PrCommentMode.Auto);
        if (prComment == PrCommentMode.Required)
        {
            // Sticky comments arrive with the comment integration; until then "required" cannot be honoured.
            throw new Core.GateInputException("--pr-comment required: posting pull-request comments is not available in this version; use auto or off");
        }

        return new CommonSettings
        {
            Thresholds = Path(Thresholds),
            ReportJson = Path(ReportJson),
            Format = format,
            Output = Path(Output),
            FailOn = EnvOption.ParseWord(parse.GetValue(FailOn), "--fail-on", Cli.FailOn.Fail),
            OnInconclusive = EnvOption.ParseWord(parse.GetValue(OnInconclusive), "--on-inconclusive", InconclusivePolicy.Exit),
            Ci = parse.GetValue(Ci),
            PrComment = prComment,
            OutputsDir = Path(OutputsDir),
            SubjectModel = parse.GetValue(SubjectModel),
            SubjectVersion = parse.GetValue(SubjectVersion),
            Verbose = parse.GetValue(Verbose),
        };
    }
}
