using System.CommandLine;
using Gates.Cli;
using Gates.Core;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;

namespace Gates.DriftCheck;

/// <summary>Declares drift-check's options and its <c>profile</c> command, and binds them; the work is done by the runs.</summary>
internal static class DriftCheckCommand
{
    public const string Name = "drift-check";

    public static RootCommand Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var reference = EnvOption.Text(env, "--reference", "Reference data (CSV or JSON lines), or a profile made by 'drift-check profile'");
        var current = EnvOption.Text(env, "--current", "Current data to compare with the reference (CSV or JSON lines)");
        var driftJson = EnvOption.Text(env, "--drift-json", "Write the drift details (every column, statistic and chart) as JSON to this file");
        var mode = EnvOption.Text(env, "--mode", "default | evidently (overrides drift.mode of the thresholds file)");
        var evidentlyConfig = EnvOption.Text(env, "--evidently-config", "An Evidently 0.7 report config (JSON or YAML): its drift metrics, methods, thresholds and tests decide");
        var evidentlyJson = EnvOption.Text(env, "--evidently-json", "Write the results in the JSON shape of Evidently's snapshot (metrics and tests) to this file");
        var testSummary = EnvOption.Flag(env, "--test-summary", "Print the Evidently config's test results to stderr, as 'evidently report --test-summary' does");
        var strict = EnvOption.Flag(env, "--strict", "Parts of the Evidently config that drift-check does not run are an error (exit 2), not a warning");
        var data = new DataOptions(env);

        var root = new RootCommand($"{Name}: compare current data with reference data, column by column, and gate on drift.")
        {
            reference, current, driftJson, mode, evidentlyConfig, evidentlyJson, testSummary, strict,
        };
        data.AddTo(root);
        common.AddTo(root);
        root.Subcommands.Add(ProfileCommand(env));
        root.SetAction((parse, ct) =>
        {
            var settings = new DriftCheckSettings
            {
                Common = common.Bind(parse, env),
                Reference = FlagValues.RequiredPath(parse.GetValue(reference), "--reference", "the reference data or profile", env),
                Current = FlagValues.RequiredPath(parse.GetValue(current), "--current", "the current data", env),
                DriftJson = FlagValues.Path(parse.GetValue(driftJson), env),
                Mode = parse.GetValue(mode) is { } m ? ParseMode(m) : null,
                EvidentlyConfig = FlagValues.Path(parse.GetValue(evidentlyConfig), env),
                EvidentlyJson = FlagValues.Path(parse.GetValue(evidentlyJson), env),
                TestSummary = parse.GetValue(testSummary),
                Strict = parse.GetValue(strict),
                Data = data.Bind(parse),
            };
            return DriftCheckRun.ExecuteAsync(settings, env, ct);
        });
        return root;
    }

    private static Command ProfileCommand(GateEnvironment env)
    {
        var reference = EnvOption.Text(env, "--reference", "Reference data (CSV or JSON lines) to profile");
        var merge = EnvOption.List(env, "--merge", "Profiles of partitions of one data set to merge into the profile of the whole (instead of --reference)");
        merge.AllowMultipleArgumentsPerToken = true;
        var saveProfile = EnvOption.Text(env, "--save-profile", "Where to write the profile (JSON)", "--out");
        var thresholds = EnvOption.Text(env, "--thresholds", "Thresholds file whose columns: types and drift.missing_values apply", "-t");
        var quantiles = EnvOption.Text(env, "--quantiles", "Numeric columns with more distinct values keep this many quantiles (default 1000)");
        var exactValues = EnvOption.Text(env, "--exact-values", "Numeric columns with at most this many distinct values keep them all, exactly (default: --quantiles)");
        var data = new DataOptions(env);
        var command = new Command("profile", "Save what later comparisons need from the reference data in a small, deterministic JSON file, or merge the profiles of partitions.")
        {
            reference, merge, saveProfile, thresholds, quantiles, exactValues,
        };
        data.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            var merged = (parse.GetValue(merge) ?? []).Select(p => FlagValues.RequiredPath(p, "--merge", "a profile to merge", env)).ToList();
            var count = FlagValues.Int(parse.GetValue(quantiles), "--quantiles", 10, 100_000) ?? 1000;
            var settings = new ProfileSettings
            {
                Reference = merged.Count > 0
                    ? (parse.GetValue(reference) is null ? null : throw FlagValues.Invalid("--reference", parse.GetValue(reference)!, "not given with --merge (give one or the other)"))
                    : FlagValues.RequiredPath(parse.GetValue(reference), "--reference", "the reference data to profile (or --merge with profiles)", env),
                Merge = merged,
                SaveProfile = FlagValues.RequiredPath(parse.GetValue(saveProfile), "--save-profile", "the profile file to write", env),
                Thresholds = FlagValues.Path(parse.GetValue(thresholds), env),
                Quantiles = count,
                ExactValues = FlagValues.Int(parse.GetValue(exactValues), "--exact-values", 0, 100_000_000) ?? count,
                Data = data.Bind(parse),
            };
            return Task.FromResult(ProfileRun.Execute(settings, env, ct));
        });
        return command;
    }

    private static DriftMode ParseMode(string value) => value switch
    {
        "default" => DriftMode.Default,
        "evidently" => DriftMode.Evidently,
        _ => throw FlagValues.Invalid("--mode", value, "one of default|evidently"),
    };

    /// <summary>The options that say how data files are read.</summary>
    private sealed class DataOptions(GateEnvironment env)
    {
        private readonly Option<string?> delimiter = EnvOption.Text(env, "--delimiter", "CSV separator: , ; tab | (default: detected from the first lines)");
        private readonly Option<string?> format = EnvOption.Text(env, "--data-format", "auto | csv | jsonl | parquet (default auto: by extension, then by content)");
        private readonly Option<string?> maxField = EnvOption.Text(env, "--max-field-size", "Largest field in bytes; a column with a larger value is not tested (default 1048576)");
        private readonly Option<string?> exactLimit = EnvOption.Text(env, "--exact-limit",
            "Numbers per column kept exactly; past it a column is summarised in a quantile sketch, so memory stays bounded (default 4000000)");

        public void AddTo(Command command)
        {
            command.Options.Add(delimiter);
            command.Options.Add(format);
            command.Options.Add(maxField);
            command.Options.Add(exactLimit);
        }

        public DataSettings Bind(ParseResult parse) => new()
        {
            Delimiter = Delimiter(parse.GetValue(delimiter)),
            Format = TableFormats.Parse(parse.GetValue(format)),
            MaxFieldBytes = FlagValues.Int(parse.GetValue(maxField), "--max-field-size", 16, 1 << 30) ?? 1 << 20,
            ExactNumbers = FlagValues.Int(parse.GetValue(exactLimit), "--exact-limit", 1000, int.MaxValue) ?? Profiling.NumberSketch.DefaultExactLimit,
        };

        private static char? Delimiter(string? value) => value switch
        {
            null or "" or "auto" => null,
            "tab" or "\\t" or "\t" => '\t',
            { Length: 1 } when value[0] is ',' or ';' or '|' or ' ' or ':' => value[0],
            _ => throw FlagValues.Invalid("--delimiter", value, "one of , ; tab | (or auto)"),
        };
    }
}
