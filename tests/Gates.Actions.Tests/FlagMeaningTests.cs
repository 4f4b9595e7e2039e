using System.CommandLine;
using Gates.Actions.Tests.Runner;
using Gates.Cli;

namespace Gates.Actions.Tests;

/// <summary>
/// One flag, one meaning (DESIGN.md, docs/common-flags.md): read from each tool's own command tree, built in-process,
/// a short alias stands for one flag everywhere, a tool never redeclares a common flag for something else, a flag
/// several tools declare themselves has one meaning written down here, and every GATES_ variable an action sets is
/// shown by that tool's --help.
/// </summary>
public class FlagMeaningTests
{
    /// <summary>Flags that several tools declare themselves, each with the one thing it means in all of them.</summary>
    private static readonly Dictionary<string, string> SharedMeanings = new(StringComparer.Ordinal)
    {
        ["--baseline"] = "results of the model now in production, a file (never a label)",
        ["--config"] = "the tool's configuration file",
        ["--duration"] = "how long the tool measures or watches",
        ["--warmup"] = "time at the start whose data does not count",
        ["--seed"] = "seed of the tool's random numbers",
        ["--model"] = "the model's name",
        ["--dry-run"] = "show the change without making it",
        ["--thresholds"] = "threshold YAML file",
        ["--results"] = "results files to gate",
        ["--evidence"] = "a promotion's evidence file: gate-report writes the bundle, manifest-bump records it in the pull request",
    };

    /// <summary>Variables the action scripts use themselves, and latency-bench's key holder.</summary>
    private static readonly HashSet<string> ActionOwn = ["GATES_TOOLS_DIR", "GATES_SUBCOMMAND", "GATES_ARGS", "GATES_LATENCY_API_KEY", "GATES_SETUP_VERSION"];

    /// <summary>Secrets a tool reads from the environment only: no flag, but its help names the variable.</summary>
    private static readonly HashSet<string> SecretOnly = ["GATES_PROMETHEUS_TOKEN", "GATES_PROMETHEUS_PASSWORD"];

    private static readonly GateEnvironment Env = new(TextWriter.Null, TextWriter.Null, new Dictionary<string, string?>(), TimeProvider.System, "/");

    private static readonly Dictionary<string, Option> Common = new CommonOptionsTree(Env).Options;

    public static TheoryData<string> ToolNames() => [.. Tools().Keys];

    [Fact]
    public void A_short_alias_stands_for_one_flag_in_every_tool()
    {
        var meanings = Declarations().SelectMany(d => ShortAliases(d.Option).Select(alias => (alias, d.Option.Name, d.Where)))
            .GroupBy(x => x.alias)
            .Where(g => g.Select(x => x.Name).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: " + string.Join(", ", g.Select(x => $"{x.Name} in {x.Where}").Distinct()));

        meanings.ShouldBeEmpty();
    }

    [Fact]
    public void A_flag_has_the_same_short_alias_wherever_it_has_one()
    {
        var clashes = Declarations().Where(d => ShortAliases(d.Option).Any())
            .GroupBy(d => d.Option.Name)
            .Where(g => g.Select(d => string.Join(" ", ShortAliases(d.Option))).Distinct().Count() > 1)
            .Select(g => g.Key);

        clashes.ShouldBeEmpty();
    }

    [Fact]
    public void No_tool_declares_a_common_flag_for_something_else()
    {
        var redeclared = Declarations()
            .Where(d => Common.TryGetValue(d.Option.Name, out var common) && common.Description != d.Option.Description && !SharedMeanings.ContainsKey(d.Option.Name))
            .Select(d => $"{d.Option.Name} in {d.Where}: {d.Option.Description}");

        redeclared.ShouldBeEmpty();
    }

    [Fact]
    public void A_flag_several_tools_declare_has_one_written_down_meaning()
    {
        var own = Declarations().Where(d => !Common.TryGetValue(d.Option.Name, out var common) || common.Description != d.Option.Description).ToList();
        var shared = own.GroupBy(d => d.Option.Name).Where(g => g.Select(d => d.Tool).Distinct().Count() > 1).Select(g => g.Key).ToHashSet();

        shared.Where(flag => !SharedMeanings.ContainsKey(flag) && !Common.ContainsKey(flag))
            .ShouldBeEmpty("declared by several tools: give it one meaning in SharedMeanings (and check every tool means that), or rename it");
        SharedMeanings.Keys.Where(flag => !shared.Contains(flag) && !own.Any(d => d.Option.Name == flag))
            .ShouldBeEmpty("no longer declared by several tools: remove it from SharedMeanings");
    }

    [Fact]
    public void Old_flag_names_are_gone()
    {
        Option? Find(string tool, string command, string flag) =>
            (command == tool ? Tools()[tool] : Tools()[tool].Subcommands.Single(c => c.Name == command)).Options.FirstOrDefault(o => o.Name == flag);

        Find("canary-validate", "canary-validate", "--canary").ShouldBeNull();
        Find("canary-validate", "canary-validate", "--baseline").ShouldBeNull();
        Find("canary-validate", "canary-validate", "--canary-name").ShouldNotBeNull();
        Find("latency-bench", "run", "--save-results").ShouldNotBeNull();
        Find("latency-bench", "merge", "--save-results").ShouldNotBeNull();
        Find("drift-check", "profile", "--save-profile").ShouldNotBeNull();
        Find("drift-check", "profile", "--output").ShouldBeNull();
        Find("latency-bench", "run", "--output")!.Description.ShouldBe(Common["--output"].Description);
    }

    [Theory]
    [MemberData(nameof(ToolNames))]
    public void Every_variable_the_action_sets_is_shown_in_the_tools_help(string tool)
    {
        var help = string.Join("\n", Commands(tool, Tools()[tool]).SelectMany(c => c.Options).Select(o => o.Description));
        var run = ActionDefinition.Load(ToolsJob.ActionPath("actions", tool)).Steps.Single(s => s.Id == "run");
        var variables = run.Env.Keys.Where(k => k.StartsWith("GATES_", StringComparison.Ordinal) && !ActionOwn.Contains(k)).ToList();

        variables.ShouldNotBeEmpty();
        foreach (var variable in variables)
        {
            help.ShouldContain(SecretOnly.Contains(variable) ? variable : $"[env: {variable}", Case.Sensitive, $"actions/{tool} sets {variable}, but {tool} --help does not read it");
        }
    }

    private static Dictionary<string, Command> Tools() => new(StringComparer.Ordinal)
    {
        ["eval-gate"] = EvalGate.EvalGateCommand.Create(Env),
        ["latency-bench"] = LatencyBench.LatencyBenchCommand.Create(Env, () => false),
        ["drift-check"] = DriftCheck.DriftCheckCommand.Create(Env),
        ["canary-validate"] = CanaryValidate.CanaryValidateCommand.Create(Env),
        ["manifest-bump"] = ManifestBump.ManifestBumpCommand.Create(Env),
        ["gate-report"] = GateReport.GateReportCommand.Create(Env),
    };

    private static IEnumerable<Command> Commands(string tool, Command command) =>
        command.Subcommands.SelectMany(c => Commands(tool, c)).Prepend(command);

    private static IEnumerable<(string Tool, string Where, Option Option)> Declarations() =>
        Tools().SelectMany(t => Commands(t.Key, t.Value).SelectMany(c => c.Options
            .Where(o => o.Name.StartsWith("--", StringComparison.Ordinal) && o is not (System.CommandLine.Help.HelpOption or VersionOption))
            .Select(o => (t.Key, c == t.Value ? t.Key : $"{t.Key} {c.Name}", o))));

    private static IEnumerable<string> ShortAliases(Option option) => option.Aliases.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    /// <summary>The common options by name, as every tool gets them.</summary>
    private sealed class CommonOptionsTree(GateEnvironment env)
    {
        public Dictionary<string, Option> Options { get; } = Build(env);

        private static Dictionary<string, Option> Build(GateEnvironment env)
        {
            var command = new Command("common");
            new CommonOptions(env).AddTo(command);
            return command.Options.ToDictionary(o => o.Name, StringComparer.Ordinal);
        }
    }
}
