using System.Globalization;
using Gates.Cli.Inputs;
using Gates.Core;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// Reads an ABTest file (any apiVersion, <c>kind: ABTest</c>) exactly as teams write it, plus the optional Gates
/// sections <c>metrics:</c> (custom PromQL and columns), <c>analysis:</c> and <c>prometheus:</c>. Every problem is
/// collected into one input error (exit 2); an unknown metric name is named.
/// </summary>
internal static class AbTestReader
{
    public const string StartedAtAnnotation = "gates.dev/started-at";

    private static readonly string[] AnalysisKeys =
        ["interval", "alpha", "power", "minSamples", "margin", "secondary", "armLabel", "srmAlpha", "fixedHorizon", "baselineRate", "mde", "trafficQuery", "startedAt"];

    /// <summary>True when the file's top-level <c>kind</c> is ABTest.</summary>
    public static bool IsAbTest(string? path)
    {
        if (path is null || !System.IO.File.Exists(path))
        {
            return false;
        }

        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(System.IO.File.ReadAllText(path)));
            return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.Any(p => p.Key is YamlScalarNode { Value: "kind" } && p.Value is YamlScalarNode { Value: "ABTest" });
        }
        catch (YamlException)
        {
            return false;
        }
    }

    public static AbTestDefinition Read(string path, AbFlags flags)
    {
        var content = InputFiles.ReadAll(path, "ABTest file");
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(content.Text()));
        }
        catch (YamlException e)
        {
            throw new GateInputException($"{path}:{e.Start.Line}: not valid YAML: {e.Message}");
        }

        var y = new YamlNodes(path, []);
        var root = y.Map(stream.Documents.FirstOrDefault()?.RootNode, "the file", required: true);
        y.AllowOnly(root, "", "apiVersion", "kind", "metadata", "spec", "status", "metrics", "analysis", "prometheus");
        var metadata = y.Map(y.Get(root, "metadata"), "metadata");
        var spec = y.Map(y.Get(root, "spec"), "spec", required: true);
        y.AllowOnly(spec, "spec", "duration", "traffic_split", "metrics", "guardrails", "assignment");
        var analysis = y.Map(y.Get(root, "analysis"), "analysis");
        y.AllowOnly(analysis, "analysis", AnalysisKeys);
        var settings = Settings(y, analysis, flags);
        var catalog = new AbMetricReader(y).Read(y.Map(y.Get(root, "metrics"), "metrics"));
        AbMetric? Metric(string name, YamlNode? at)
        {
            if (catalog.TryGetValue(name, out var metric))
            {
                return metric;
            }

            y.Problem(at, $"unknown metric '{name}': not a built-in ({string.Join(", ", AbMetricCatalog.All.Select(m => m.Name))}) and not defined under 'metrics:'");
            return null;
        }

        var split = y.Map(y.Get(spec, "traffic_split"), "spec.traffic_split", required: true);
        y.AllowOnly(split, "spec.traffic_split", "control", "treatment");
        var control = Arm(y, split, "control");
        var treatment = Arm(y, split, "treatment");
        var metrics = y.Map(y.Get(spec, "metrics"), "spec.metrics", required: true);
        y.AllowOnly(metrics, "spec.metrics", "primary", "secondary");
        var primary = y.Names(metrics, "primary", "spec.metrics").Select(n => Metric(n, y.Get(metrics, "primary"))).OfType<AbMetric>().ToList();
        var secondary = y.Names(metrics, "secondary", "spec.metrics").Select(n => Metric(n, y.Get(metrics, "secondary"))).OfType<AbMetric>().ToList();
        if (metrics is not null && y.Names(metrics, "primary", "spec.metrics").Count == 0)
        {
            y.Problem(metrics, "'spec.metrics.primary' needs at least one metric: promotion is decided on it");
        }

        foreach (var quantile in primary.Where(m => m.Kind == AbMetricKind.Quantile))
        {
            y.Problem(y.Get(metrics, "primary"), $"'{quantile.Name}' is a quantile, reported only: it cannot be a primary metric (use latency_mean)");
        }

        var guardrails = Guardrails(y, spec, Metric);
        var assignment = y.Map(y.Get(spec, "assignment"), "spec.assignment");
        y.AllowOnly(assignment, "spec.assignment", "strategy", "hash_key");
        var duration = y.Duration(spec, "duration", "spec", required: true);
        var prometheus = y.Map(y.Get(root, "prometheus"), "prometheus");
        y.AllowOnly(prometheus, "prometheus", "url");
        var url = y.Text(prometheus, "url", "prometheus") is { } u ? ParseUrl(y, prometheus, u) : null;
        var startedAt = flags.StartedAt ?? StartedAt(y, analysis, metadata);
        if (duration is { } d && d < settings.Interval)
        {
            y.Problem(y.Get(spec, "duration"), $"'spec.duration' ({AbDuration.Format(d)}) is shorter than one look interval ({AbDuration.Format(settings.Interval)})");
        }

        if (y.Problems.Count > 0)
        {
            throw new GateInputException(y.Problems);
        }

        return new AbTestDefinition
        {
            Name = y.Text(metadata, "name", "metadata") ?? Path.GetFileNameWithoutExtension(path),
            Namespace = y.Text(metadata, "namespace", "metadata"),
            Duration = duration!.Value,
            Control = control!,
            Treatment = treatment!,
            Primary = primary,
            Secondary = secondary,
            Guardrails = guardrails,
            Assignment = y.Text(assignment, "strategy", "spec.assignment"),
            UnitKey = y.Text(assignment, "hash_key", "spec.assignment") ?? "unit_id",
            StartedAt = startedAt,
            Settings = settings,
            PrometheusUrl = url,
            File = content.As("config"),
        };
    }

    private static AbSettings Settings(YamlNodes y, YamlMappingNode? analysis, AbFlags flags)
    {
        var secondary = y.Text(analysis, "secondary", "analysis");
        var mode = secondary switch
        {
            null or "noninferiority" or "non-inferiority" => SecondaryMode.NonInferiority,
            "report" => SecondaryMode.Report,
            _ => SecondaryMode.NonInferiority,
        };
        if (secondary is not (null or "noninferiority" or "non-inferiority" or "report"))
        {
            y.Problem(y.Get(analysis, "secondary"), $"'analysis.secondary': '{secondary}' is not one of noninferiority, report");
        }

        var fixedText = y.Text(analysis, "fixedHorizon", "analysis");
        return new AbSettings
        {
            Interval = flags.Interval ?? y.Duration(analysis, "interval", "analysis") ?? TimeSpan.FromHours(1),
            Alpha = flags.Alpha ?? y.Number(analysis, "alpha", "analysis", 1e-6, 0.5) ?? 0.05,
            Power = y.Number(analysis, "power", "analysis", 0.5, 0.9999) ?? 0.8,
            MinSamples = flags.MinSamples ?? (long?)y.Number(analysis, "minSamples", "analysis", 1, 1e12) ?? 100,
            Margin = y.Number(analysis, "margin", "analysis", 0, 1) ?? 0.1,
            Secondary = mode,
            ArmLabel = y.Text(analysis, "armLabel", "analysis") ?? "model",
            SrmAlpha = y.Number(analysis, "srmAlpha", "analysis", 1e-12, 0.5) ?? 0.001,
            FixedHorizon = flags.FixedHorizon || fixedText is "true" or "yes",
            BaselineRate = flags.BaselineRate ?? y.Number(analysis, "baselineRate", "analysis", 1e-9, 1 - 1e-9),
            Mde = flags.Mde ?? y.Number(analysis, "mde", "analysis", 1e-9, 1),
            TrafficQuery = y.Text(analysis, "trafficQuery", "analysis") ?? AbMetricCatalog.TrafficQuery,
        };
    }

    private static AbArm? Arm(YamlNodes y, YamlMappingNode? split, string role)
    {
        var arm = y.Map(y.Get(split, role), $"spec.traffic_split.{role}", required: split is not null);
        if (arm is null)
        {
            return null;
        }

        y.AllowOnly(arm, $"spec.traffic_split.{role}", "model", "variant", "weight");
        var label = y.Text(arm, "model", $"spec.traffic_split.{role}") ?? y.Text(arm, "variant", $"spec.traffic_split.{role}");
        if (label is null)
        {
            y.Problem(arm, $"'spec.traffic_split.{role}' needs 'model' (the value of the arm label in metrics)");
        }

        var weight = y.Number(arm, "weight", $"spec.traffic_split.{role}", 1e-9, 1e9, required: true);
        return label is null || weight is null ? null : new AbArm(role, label, weight.Value);
    }

    private static List<AbGuardrail> Guardrails(YamlNodes y, YamlMappingNode? spec, Func<string, YamlNode?, AbMetric?> metric)
    {
        var guardrails = y.Map(y.Get(spec, "guardrails"), "spec.guardrails");
        y.AllowOnly(guardrails, "spec.guardrails", "auto_rollback_if");
        var list = new List<AbGuardrail>();
        if (y.Get(guardrails, "auto_rollback_if") is not { } node)
        {
            return list;
        }

        if (node is not YamlSequenceNode items)
        {
            y.Problem(node, "'spec.guardrails.auto_rollback_if' must be a list");
            return list;
        }

        foreach (var item in items)
        {
            var map = y.Map(item, "spec.guardrails.auto_rollback_if[]");
            y.AllowOnly(map, "spec.guardrails.auto_rollback_if[]", "metric", "threshold", "window");
            var name = y.Text(map, "metric", "guardrail", required: true);
            var m = name is null ? null : metric(name, map);
            var threshold = y.Number(map, "threshold", "guardrail", double.MinValue, double.MaxValue, required: true);
            var window = y.Duration(map, "window", "guardrail", required: true);
            if (m is { Kind: AbMetricKind.Quantile })
            {
                y.Problem(map, $"guardrail '{name}': quantiles are reported only; guard latency with latency_mean");
            }
            else if (m is not null && threshold is { } t && window is { } w)
            {
                list.Add(new AbGuardrail(m, t, w));
            }
        }

        return list;
    }

    private static DateTimeOffset? StartedAt(YamlNodes y, YamlMappingNode? analysis, YamlMappingNode? metadata)
    {
        var annotations = y.Map(y.Get(metadata, "annotations"), "metadata.annotations");
        var (key, text) = y.Text(analysis, "startedAt", "analysis") is { } a ? ("analysis.startedAt", a)
            : y.Text(annotations, StartedAtAnnotation, "metadata.annotations") is { } n ? ($"metadata.annotations.{StartedAtAnnotation}", n)
            : y.Text(metadata, "creationTimestamp", "metadata") is { } c ? ("metadata.creationTimestamp", c)
            : (null, null);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        y.Problem(metadata, $"'{key}': '{text}' is not a time (2026-01-15T09:00:00Z)");
        return null;
    }

    private static Uri? ParseUrl(YamlNodes y, YamlMappingNode? prometheus, string text)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        y.Problem(y.Get(prometheus, "url"), $"prometheus.url '{text}' is not an http(s) URL");
        return null;
    }
}
