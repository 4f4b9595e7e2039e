using System.CommandLine;
using Gates.Cli;

namespace Gates.GateReport;

/// <summary>Declares gate-report's options and binds them; the work is done by <see cref="GateReportRun"/>.</summary>
internal static class GateReportCommand
{
    public const string Name = "gate-report";

    public static RootCommand Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        var reports = EnvOption.List(env, "--reports", "Gate report JSON files: paths or globs such as 'reports/*.json' or 'gates/**/report.json'");
        var advisory = EnvOption.List(env, "--advisory", "Tools whose reports are advisory, e.g. drift-check run warn-only: a failed report of theirs counts as a warning in the merged verdict, and its row says so");
        var evidence = EnvOption.Text(env, "--evidence", "Write the evidence bundle (JSON: commit, run, who, tool versions, sha256 of every report and input, every verdict) here");

        var root = new RootCommand($"{Name}: one verdict, one comment, one summary and one evidence bundle for a pipeline's gate reports.") { reports, advisory, evidence };
        common.AddTo(root);
        root.SetAction((parse, ct) =>
        {
            var settings = new GateReportSettings
            {
                Common = common.Bind(parse, env),
                Reports = parse.GetValue(reports) ?? [],
                Advisory = AdvisoryTools.Check(parse.GetValue(advisory) ?? []),
                Evidence = FlagValues.Path(parse.GetValue(evidence), env),
            };
            return GateReportRun.ExecuteAsync(settings, env, ct);
        });
        return root;
    }
}
