using System.CommandLine;
using Gates.Cli;
using Gates.Core;
using Gates.LatencyBench.Tuning;

namespace Gates.LatencyBench.Commands;

/// <summary>The tuning-loop flags of <c>latency-bench run</c> (sweep, SLO, tuning log, server metrics), declared and bound here.</summary>
internal sealed class TuningOptions
{
    private readonly Option<string?> sweep;
    private readonly Option<string?> stopAfter;
    private readonly Option<string?> slo;
    private readonly Option<string?> tuningLog;
    private readonly Option<string?> change;
    private readonly Option<string?> noise;
    private readonly Option<string?> patience;
    private readonly Option<string?> serverMetrics;
    private readonly Option<string?> serverInterval;

    public TuningOptions(GateEnvironment env)
    {
        sweep = EnvOption.Text(env, SweepPlan.Flag, "Run a series of load points and find the capacity: concurrency:1,2,4,8 | rate:5,10,20 | concurrency:1..64*2 | rate:5..50+5 (each point bounded by --duration/--requests)");
        stopAfter = EnvOption.Text(env, "--sweep-stop-after", "Stop the sweep after this many consecutive points that miss the SLO (default 1)");
        slo = EnvOption.Text(env, "--slo", "Threshold file every sweep point must pass (the SLO); with --tuning-log and no sweep, what 'SLO met' means (default --thresholds)");
        tuningLog = EnvOption.Text(env, "--tuning-log", "Append one row for this run to this Markdown table (created when absent, earlier rows never rewritten)");
        change = EnvOption.Text(env, "--change", "What this run changed, for the tuning log, e.g. 'gpu-memory-utilization 0.9 -> 0.95'");
        noise = EnvOption.Text(env, "--tuning-noise", "A relative change of a key metric at or below this is noise (default 5%)");
        patience = EnvOption.Text(env, "--tuning-patience", "Say 'stop' after this many changes in a row moved no key metric beyond noise (default 3)");
        serverMetrics = EnvOption.Text(env, "--server-metrics", "Scrape the server's Prometheus metrics during the run: a URL, or 'auto' for /metrics on the endpoint's host");
        serverInterval = EnvOption.Text(env, "--server-metrics-interval", "Scrape interval (default 1s)");
    }

    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { sweep, stopAfter, slo, tuningLog, change, noise, patience, serverMetrics, serverInterval })
        {
            command.Options.Add(option);
        }
    }

    public TuningSettings Bind(ParseResult parse, GateEnvironment env, Uri endpoint)
    {
        string? V(Option<string?> o) => parse.GetValue(o) is { Length: > 0 } s ? s : null;
        var stop = FlagValues.Int(V(stopAfter), "--sweep-stop-after", 1, 64) ?? 1;
        var log = FlagValues.Path(V(tuningLog), env);
        if (V(change) is not null && log is null)
        {
            throw new GateInputException("--change is recorded in the tuning log: give --tuning-log FILE.md too");
        }

        return new TuningSettings
        {
            Sweep = V(sweep) is { } s ? SweepPlan.Parse(s, stop) : null,
            SloFile = FlagValues.Path(V(slo), env),
            TuningLog = log,
            Change = V(change),
            Noise = Percent(V(noise)) ?? 0.05,
            Patience = FlagValues.Int(V(patience), "--tuning-patience", 1, 100) ?? 3,
            ServerMetrics = V(serverMetrics) is { } m ? MetricsUrl(m, endpoint) : null,
            ServerMetricsInterval = FlagValues.Duration(V(serverInterval), "--server-metrics-interval", positive: true) ?? TimeSpan.FromSeconds(1),
        };
    }

    private static Uri MetricsUrl(string text, Uri endpoint) => text == "auto"
        ? new Uri(endpoint.GetLeftPart(UriPartial.Authority) + "/metrics")
        : FlagValues.Url(text, "--server-metrics")!;

    private static double? Percent(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var percent = text.EndsWith('%');
        var value = FlagValues.Number(percent ? text[..^1] : text, "--tuning-noise", 0, percent ? 100 : 1);
        return percent ? value / 100 : value;
    }
}
