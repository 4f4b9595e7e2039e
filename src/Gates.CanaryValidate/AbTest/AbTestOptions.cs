using System.CommandLine;
using System.Globalization;
using Gates.Cli;

namespace Gates.CanaryValidate.AbTest;

/// <summary>The options only an A/B test uses; added to canary-validate's command and bound next to its settings.</summary>
internal sealed class AbTestOptions
{
    private readonly GateEnvironment env;
    private readonly Option<string?> startedAt, baselineRate, mde, outcomes, shadow;
    private readonly Option<bool> fixedHorizon;

    public AbTestOptions(GateEnvironment env)
    {
        this.env = env;
        startedAt = EnvOption.Text(env, "--started-at", "A/B test: when the experiment started (ISO 8601; default: the file's gates.dev/started-at annotation or metadata.creationTimestamp)");
        baselineRate = EnvOption.Text(env, "--baseline-rate", "A/B test with --fixed-horizon: the control's rate of the first proportion primary, for the planned sample size");
        mde = EnvOption.Text(env, "--mde", "A/B test: the smallest absolute difference worth detecting (plans --fixed-horizon; sizes the samples-needed hint)");
        outcomes = EnvOption.Text(env, "--outcomes", "A/B test from logged data: per-unit outcomes, CSV or JSONL (unit id, arm, outcome columns)");
        shadow = EnvOption.Text(env, "--shadow", "A/B test from shadow-mode logs: champion and challenger outcomes per request, compared paired (CSV or JSONL)");
        fixedHorizon = EnvOption.Flag(env, "--fixed-horizon", "A/B test: the classic two-proportion z-test at the sample size planned up front, instead of anytime-valid looks");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { startedAt, baselineRate, mde, outcomes, shadow, fixedHorizon })
        {
            command.Options.Add(option);
        }
    }

    public AbFlags Bind(ParseResult parse, CanaryValidateSettings settings) => new()
    {
        StartedAt = parse.GetValue(startedAt) is { } text ? Time(text) : null,
        FixedHorizon = parse.GetValue(fixedHorizon),
        BaselineRate = FlagValues.Number(parse.GetValue(baselineRate), "--baseline-rate", 1e-9, 1 - 1e-9),
        Mde = FlagValues.Number(parse.GetValue(mde), "--mde", 1e-9, 1e9),
        Outcomes = FlagValues.Path(parse.GetValue(outcomes), env),
        Shadow = FlagValues.Path(parse.GetValue(shadow), env),
        Interval = settings.Overrides.Interval,
        Alpha = settings.Overrides.Alpha,
        MinSamples = settings.Overrides.MinSamples,
    };

    /// <summary>Whether this run is an A/B test: the config file is an ABTest.</summary>
    public static bool Applies(string? config) => AbTestReader.IsAbTest(config);

    private static DateTimeOffset Time(string text) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : throw FlagValues.Invalid("--started-at", text, "a time such as 2026-01-15T09:00:00Z");
}
