using System.Reflection;
using System.Text.Json.Nodes;
using Gates.Core.Results;

namespace Gates.Cli;

/// <summary>
/// The lifecycle every tool runs through (docs/architecture.md): <see cref="Start"/> notes the tool, the subject
/// and the start time; the tool adds its inputs, checks, warnings and its own section; <see cref="Finish"/> makes
/// the <see cref="GateReport"/> (worst verdict, summary, duration); <see cref="PublishAsync"/> sends it to the
/// renderers, the host and the pull-request comment and returns the exit code that <see cref="ExitCodes"/> chose.
/// </summary>
public sealed class GateRun
{
    private readonly long clock;
    private readonly List<InputFile> inputs = [];
    private readonly List<CheckResult> checks = [];
    private readonly List<string> warnings = [];
    private JsonNode? section;
    private bool hasSection;

    private GateRun(ToolInfo tool, CommonSettings common, GateEnvironment env)
    {
        Tool = tool;
        Common = common;
        Env = env;
        StartedAt = env.Time.GetUtcNow();
        clock = env.Time.GetTimestamp();
        Subject = ToolInfoReader.SubjectFor(common, env);
    }

    public ToolInfo Tool { get; }
    public string Name => Tool.Name;
    public CommonSettings Common { get; }
    public GateEnvironment Env { get; }
    public DateTimeOffset StartedAt { get; }
    public Subject Subject { get; private set; }
    public InputFile? Thresholds { get; private set; }

    /// <summary>Time since <see cref="Start"/>, on the environment's clock.</summary>
    public TimeSpan Elapsed => Env.Time.GetElapsedTime(clock);

    /// <summary>Starts a run of the tool named <paramref name="tool"/> (its command's one name constant).</summary>
    public static GateRun Start(string tool, Assembly assembly, CommonSettings common, GateEnvironment env) =>
        new(ToolInfoReader.For(tool, assembly), common, env);

    /// <summary>Model and version the tool found itself; <c>--subject-model</c> and <c>--subject-version</c> still win.</summary>
    public GateRun SubjectFound(string? model, string? version)
    {
        Subject = Subject with { Model = Common.SubjectModel ?? model, Version = Common.SubjectVersion ?? version };
        return this;
    }

    /// <summary>Records an input file; its path is kept as the user gave it (<see cref="GateEnvironment.AsGiven"/>).</summary>
    public GateRun AddInput(InputFile input)
    {
        inputs.Add(Given(input));
        return this;
    }

    public GateRun AddInputs(IEnumerable<InputFile> files)
    {
        inputs.AddRange(files.Select(Given));
        return this;
    }

    public GateRun UseThresholds(InputFile? thresholds)
    {
        Thresholds = thresholds is null ? null : Given(thresholds);
        return this;
    }

    public GateRun AddChecks(IEnumerable<CheckResult> results)
    {
        checks.AddRange(results);
        return this;
    }

    public GateRun AddWarnings(IEnumerable<string> texts)
    {
        warnings.AddRange(texts);
        return this;
    }

    /// <summary>The tool's own section of the report, stored under the tool's name.</summary>
    public GateRun SetSection(JsonNode? details)
    {
        section = details;
        hasSection = true;
        return this;
    }

    /// <summary>
    /// Makes the report: by default the worst verdict of the checks and the standard one-line summary;
    /// a tool whose verdict or summary is its own decision passes them.
    /// </summary>
    public GateReport Finish(string? summary = null, Verdict? verdict = null) => new()
    {
        Tool = Tool,
        Subject = Subject,
        Verdict = verdict ?? checks.Select(c => c.Verdict).Worst(),
        Summary = summary ?? ReportSummary.For(checks),
        StartedAt = StartedAt,
        DurationSeconds = Elapsed.TotalSeconds,
        Inputs = [.. inputs],
        Thresholds = Thresholds,
        Checks = [.. checks],
        Warnings = [.. warnings],
        Details = hasSection ? new Dictionary<string, JsonNode?> { [Name] = section } : null,
    };

    /// <summary>
    /// Says the report's warnings on stderr, publishes the report (<see cref="ReportOutputs"/>) and returns the exit
    /// code for <paramref name="outcome"/> (by default the report's verdict) and the comment's fate.
    /// </summary>
    public async Task<int> PublishAsync(GateReport report, CancellationToken ct, PublishOptions? options = null, RunOutcome? outcome = null)
    {
        foreach (var warning in report.Warnings)
        {
            await Env.Error.WriteLineAsync($"{Name}: warning: {warning}");
        }

        return await ReportOutputs.PublishAsync(report, Common, Env, options, ct, outcome);
    }

    private InputFile Given(InputFile input) => input with { Path = Env.AsGiven(input.Path) };

    /// <summary>Writes one diagnostic line on stderr, prefixed with the tool's name.</summary>
    public void Say(string message) => Env.Error.WriteLine($"{Name}: {message}");
}
