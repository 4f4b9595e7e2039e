using Gates.Cli.Inputs;
using Gates.Core.Text;
using Gates.CanaryValidate.Analysis;
using Gates.Core;
using Gates.Core.Results;
using Gates.Core.Thresholds;

namespace Gates.CanaryValidate.Config;

/// <summary>
/// Builds the run's configuration from the YAML (shared <c>gates:</c> plus <c>analysis:</c> and <c>prometheus:</c>)
/// and the command-line shorthands. Every problem is collected and reported at once (exit 2).
/// </summary>
internal static class CanaryConfigReader
{
    public static readonly ThresholdReadOptions Options = new()
    {
        Sections = new HashSet<string> { "analysis", "prometheus" },
        GateKeys = new HashSet<string>(GateBuilder.Keys),
    };

    private static readonly string[] AnalysisKeys =
        ["interval", "duration", "warmup", "minDuration", "alpha", "minSamples", "onNoData", "maxRestarts", "maxStaleness", "srmAlpha", "canaryPercent", "template", "tuning"];

    public static CanaryConfig Read(string? path, CanaryOverrides flags, string defaultTemplate)
    {
        var set = path is null ? null : ThresholdFiles.Read(path, Options);
        var where = path ?? "command line";
        var problems = new List<string>();
        var analysis = new YamlSection(where, "analysis", set?.Sections.GetValueOrDefault("analysis"), problems);
        analysis.AllowOnly(AnalysisKeys);
        var prometheus = new YamlSection(where, "prometheus", set?.Sections.GetValueOrDefault("prometheus"), problems);
        prometheus.AllowOnly("url", "timeout", "retries");

        var templateName = flags.Template ?? analysis.Text("template") ?? defaultTemplate;
        var template = BuiltInTemplates.Find(templateName);
        if (template is null)
        {
            problems.Add($"{where}: template '{templateName}' is not one of {string.Join(", ", BuiltInTemplates.All.Select(t => t.Name))} (kserve is knative)");
            template = BuiltInTemplates.Http;
        }

        var definitions = Definitions(set, flags);
        if (definitions.Count == 0)
        {
            problems.Add($"{where}: no gates: give --config with a 'gates:' section, or --error-rate-threshold / --quality-threshold");
        }

        var gates = definitions.Select(d => GateBuilder.Build(d, template, where, problems)).OfType<CanaryGate>().ToList();
        if (gates.Count > 0 && !gates.Any(g => g.Required))
        {
            problems.Add($"{where}: every gate is optional (required: false), so nothing could stop a promotion; make at least one gate required");
        }
        var plan = new AnalysisPlan
        {
            Gates = gates,
            Duration = flags.Duration ?? analysis.Duration("duration") ?? TimeSpan.FromMinutes(15),
            Interval = flags.Interval ?? analysis.Duration("interval") ?? TimeSpan.FromMinutes(1),
            Warmup = flags.Warmup ?? analysis.Duration("warmup") ?? TimeSpan.Zero,
            MinDuration = analysis.Duration("minDuration") ?? TimeSpan.Zero,
            Alpha = flags.Alpha ?? analysis.Number("alpha", 1e-6, 0.5) ?? 0.05,
            MinSamples = flags.MinSamples ?? (long?)analysis.Number("minSamples", 1, 1e12) ?? 100,
            OnNoData = flags.OnNoData ?? analysis.Word<NoDataPolicy>("onNoData") ?? NoDataPolicy.Inconclusive,
            MaxRestarts = (int?)analysis.Number("maxRestarts", 0, 1000) ?? 0,
            SrmAlpha = analysis.Number("srmAlpha", 1e-12, 0.5) ?? 0.001,
            ExpectedShare = (flags.CanaryPercent ?? analysis.Number("canaryPercent", 0, 100)) / 100,
            Tuning = analysis.Number("tuning", 1, 1e12),
        };
        CheckTiming(plan, where, problems);
        var url = flags.PrometheusUrl ?? ParseUrl(prometheus.Text("url"), where, problems);
        var settings = new PrometheusSettings(url,
            flags.PrometheusTimeout ?? prometheus.Duration("timeout") ?? TimeSpan.FromSeconds(30),
            flags.PrometheusRetries ?? (int?)prometheus.Number("retries", 0, 100) ?? 3);
        var staleness = analysis.Duration("maxStaleness") ?? TimeSpan.FromMinutes(5);
        if (problems.Count > 0)
        {
            throw new GateInputException(problems);
        }

        return new CanaryConfig
        {
            Plan = plan,
            Template = template,
            MaxStaleness = staleness,
            Prometheus = settings,
            File = set is null ? null : new InputFile("config", set.Path, set.Sha256),
        };
    }

    private static List<GateDefinition> Definitions(ThresholdSet? set, CanaryOverrides flags)
    {
        var list = (set?.Gates ?? []).ToList();
        void Upsert(string name, string metric, Comparison comparison, double threshold)
        {
            var index = list.FindIndex(g => g.Name == name);
            if (index >= 0)
            {
                list[index] = list[index] with { Threshold = threshold };
            }
            else
            {
                list.Add(new GateDefinition { Name = name, Metric = metric, Comparison = comparison, Threshold = threshold });
            }
        }

        if (flags.ErrorRateThreshold is { } errors)
        {
            Upsert("error-rate", "error_rate", Comparison.Lte, errors);
        }

        if (flags.QualityThreshold is { } quality)
        {
            Upsert("quality", "quality_score", Comparison.Gte, quality);
        }

        return list;
    }

    private static void CheckTiming(AnalysisPlan plan, string where, List<string> problems)
    {
        if (plan.Interval <= TimeSpan.Zero)
        {
            problems.Add($"{where}: the interval must be longer than zero");
        }

        if (plan.Duration < plan.Warmup + plan.Interval)
        {
            problems.Add($"{where}: the duration ({DurationText.Format(plan.Duration)}) must hold the warm-up ({DurationText.Format(plan.Warmup)}) and at least one interval ({DurationText.Format(plan.Interval)})");
        }
    }

    private static Uri? ParseUrl(string? text, string where, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        problems.Add($"{where}: prometheus.url '{text}' is not an http(s) URL");
        return null;
    }
}
