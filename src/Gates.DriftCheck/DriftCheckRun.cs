using Gates.Cli.Inputs;
using Gates.Cli;
using Gates.Cli.Hosts;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;
using Gates.DriftCheck.Analysis;
using Gates.DriftCheck.Config;
using Gates.DriftCheck.Data;
using Gates.DriftCheck.Evidently;
using Gates.DriftCheck.Reports;

namespace Gates.DriftCheck;

/// <summary>One comparison: read, compare, gate, write the side reports; the lifecycle is <see cref="GateRun"/>.</summary>
internal static class DriftCheckRun
{
    public static Task<int> ExecuteAsync(DriftCheckSettings settings, GateEnvironment env, CancellationToken ct)
    {
        var run = GateRun.Start(DriftCheckCommand.Name, typeof(DriftCheckRun).Assembly, settings.Common, env);
        var thresholds = settings.Common.Thresholds is { } path ? ThresholdFiles.Read(path, DriftSettingsReader.ReadOptions) : null;
        var drift = thresholds is null ? new DriftSettings() : DriftSettingsReader.Read(thresholds);
        if (settings.EvidentlyJson is not null && settings.EvidentlyConfig is null)
        {
            throw new GateInputException("--evidently-json needs --evidently-config: the Evidently-shaped results follow the config's metrics");
        }

        var (evidently, configWarnings) = EvidentlyRun.Read(settings.EvidentlyConfig, settings.Strict);
        drift = evidently is null ? drift : drift with { Mode = DriftMode.Evidently, Evidently = evidently };
        drift = settings.Mode is { } mode ? drift with { Mode = mode } : drift;

        var (referenceSamples, currentSamples) = (new ColumnSamples(drift, reference: true), new ColumnSamples(drift, reference: false));
        var (reference, current, loadWarnings) = DataLoader.Load(settings.Reference, settings.Current, drift, settings.Data,
            new ReadProgress(env, TimeSpan.FromSeconds(5)), ct, referenceSamples, currentSamples);
        var richWarnings = new List<string>();
        var result = RichColumns.Apply(DriftComparison.Run(reference, current, drift), reference, referenceSamples, currentSamples, drift, richWarnings);
        if (result.Compared == 0)
        {
            throw new GateInputException("no column could be compared: " +
                string.Join("; ", result.Columns.Select(c => $"{c.Name}: {c.Reason}").Take(10)));
        }

        var warnings = configWarnings.Concat(loadWarnings).Concat(richWarnings).ToList();
        var (tests, testWarning) = evidently is null ? ([], null) : EvidentlyTests.Run(evidently, result);
        if (testWarning is not null)
        {
            warnings.Add(testWarning);
        }

        var datasetGates = thresholds?.Gates ?? (evidently is null ? [DatasetGates.Default] : []);
        var details = DriftDetails.For(result, drift, reference, current);
        var report = run
            .AddInputs([new InputFile("reference", reference.Path, reference.Sha256), new InputFile("current", current.Path, current.Sha256)])
            .AddInputs(evidently is null ? [] : [new InputFile("evidently-config", evidently.Path, evidently.Sha256)])
            .UseThresholds(thresholds is null ? null : new InputFile("thresholds", thresholds.Path, thresholds.Sha256))
            .AddChecks(DatasetGates.Evaluate(datasetGates, result))
            .AddChecks(tests.Select(EvidentlyTests.ToCheck))
            .AddChecks(result.Columns.SelectMany(ColumnChecks.For))
            .AddWarnings(warnings)
            .SetSection(details)
            .Finish(Summary(result));

        if (settings.DriftJson is { } jsonPath)
        {
            AtomicFile.Write(jsonPath, details.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
        }

        if (evidently is not null && settings.EvidentlyJson is { } shapedPath)
        {
            AtomicFile.Write(shapedPath, EvidentlyRun.ShapedJson(evidently, result, tests));
        }

        if (settings.TestSummary && evidently is not null)
        {
            env.Error.Write(TestSummary.Render(tests));
        }

        return run.PublishAsync(report, ct, new PublishOptions
        {
            Markdown = withDetails => new DriftMarkdown(result, withDetails),
            Html = new DriftHtml(result),
        });
    }

    public static string Summary(DriftResult r)
    {
        var text = $"{r.Drifted} of {r.Compared} compared columns drifted ({Words.Percent(r.ShareDrifted)})";
        if (r.Insufficient > 0)
        {
            text += $", {Words.Plural(r.Insufficient, "column", "columns")} with insufficient data";
        }

        if (r.NotTested > 0)
        {
            text += $", {r.NotTested} not tested";
        }

        return text + (r.Mode == DriftMode.Evidently ? " (Evidently-compatible mode)" : "");
    }
}
