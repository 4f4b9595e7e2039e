using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Core;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Gate;
using Gates.LatencyBench.Http;
using Gates.LatencyBench.Import;
using Gates.LatencyBench.Load;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Precision;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Run;

/// <summary><c>latency-bench run</c>: probe, drive load, write results, then gate and publish within a <see cref="GateRun"/>.</summary>
internal static class LatencyRun
{
    public static async Task<int> ExecuteAsync(RunSettings settings, GateEnvironment env, bool terminal, CancellationToken ct)
    {
        var run = GateRun.Start(LatencyBenchCommand.Name, typeof(LatencyRun).Assembly, settings.Common, env);
        var endpoint = settings.Endpoint;
        var plan = settings.Plan;

        // Fail fast on bad thresholds or baseline: before minutes of load, not after.
        if (settings.Common.Thresholds is { } thresholdsPath)
        {
            var thresholds = Cli.Inputs.ThresholdFiles.Read(thresholdsPath);
            LatencyGate.RequireBaseline(thresholds, settings.Baseline is not null);
        }

        if (settings.Tuning.Sweep is not null)
        {
            _ = Tuning.SweepRun.ReadSlo(settings);
        }

        var baseline = settings.Baseline is { } b ? ResultsReader.Read(b, settings.BaselineEntry, "--baseline-entry") : null;
        var dataset = settings.PromptsFile is { } file ? PromptSource.ReadJsonl(file) : null;
        var prompts = settings.Traffic.Shaped
            ? Traffic.TrafficBuilder.Build(settings.Traffic, dataset, settings.PromptTokens, endpoint.MaxTokens, plan.Seed)
            : dataset ?? PromptSource.Synthetic(settings.PromptTokens, 100, plan.Seed);
        var factory = new RequestFactory(endpoint, prompts);
        var connections = Tuning.SweepRun.Connections(settings) ?? (plan.OpenLoop ? plan.MaxInFlight : plan.Concurrency);
        var connectTimeout = TimeSpan.FromSeconds(Math.Min(10, plan.Timeout.TotalSeconds));
        using var transport = Transports.Create(settings.Client, endpoint.Url, factory, connections, connectTimeout, settings.Tls, env.Time, endpoint.Streams);
        var executor = new RequestExecutor(transport, endpoint, plan.Timeout, env.Time);

        var warnings = new List<string>();
        if (settings.Probe && await Probe.CheckAsync(executor, endpoint.SafeUrl, ct).ConfigureAwait(false) is { } warning)
        {
            warnings.Add(warning);
            run.Say($"warning: {warning}");
        }

        if (settings.Tuning.Sweep is not null)
        {
            return await Tuning.SweepRun.ExecuteAsync(settings, run, executor, baseline, warnings, terminal, ct).ConfigureAwait(false);
        }

        run.Say(Describe(settings));
        var (record, snapshot, timeline) = await MeasureAsync(settings, run, executor, terminal, ct).ConfigureAwait(false);
        if (snapshot.Counts.Requests > 0 && snapshot.Counts.Succeeded == 0 && !timeline.Interrupted)
        {
            WriteResults(settings, record, run);
            var top = snapshot.Counts.Errors.OrderByDescending(kv => kv.Value).First();
            throw new GateRuntimeException($"no request to {endpoint.SafeUrl} succeeded ({snapshot.Counts.Requests} failed, mostly {top.Key})");
        }

        if (timeline.Interrupted)
        {
            run.Say("interrupted; reporting the requests that finished (partial results)");
        }

        var (path, doc) = WriteResults(settings, record, run);
        var results = NativeImporter.Read(System.Text.Json.JsonDocument.Parse(doc.ToJsonString()).RootElement.Clone(), path ?? "(not written)", "");
        results = results with { Warnings = [.. warnings] };
        new SummaryWriter(settings.Common.Thresholds is null ? env.Out : env.Error).Write(results, record);
        var tuning = Tuning.TuningStep.Apply(settings, run, results, baseline, settings.Tuning.SloFile ?? settings.Common.Thresholds);
        return await LatencyReport.GateAndPublishAsync(run, results, baseline,
            new JsonObject
            {
                ["tuning"] = tuning,
                ["results_file"] = path,
                ["target"] = record.Target.DeepClone(),
                ["load"] = record.Load.DeepClone(),
                ["precision"] = record.Precision?.DeepClone(),
            }, ct).ConfigureAwait(false);
    }

    /// <summary>Drives one load point (settings.Plan) and returns its record; the server's metrics are scraped alongside when asked.</summary>
    internal static async Task<(RunRecord Record, MeasuredRun Snapshot, LoadTimeline Timeline)> MeasureAsync(
        RunSettings settings, GateRun run, RequestExecutor executor, bool terminal, CancellationToken ct)
    {
        var env = run.Env;
        var plan = settings.Plan;
        var measurements = new Measurements(env.Time.TimestampFrequency, settings.Goodput);
        var runStart = env.Time.GetTimestamp();
        var wallStart = env.Time.GetUtcNow();
        using var log = settings.RequestsLog is { } logPath ? new RequestLog(logPath, runStart, env.Time.TimestampFrequency) : null;
        var counter = new TimelineCounter(runStart, env.Time.TimestampFrequency);
        var driver = new LoadDriver(plan, env.Time, executor.ExecuteAsync, outcome =>
        {
            measurements.Record(outcome);
            counter.Record(outcome);
            log?.Write(outcome);
        });

        using var progressStop = new CancellationTokenSource();
        var progress = settings.Progress == ProgressMode.Off
            ? Task.CompletedTask
            : new ProgressReporter(env.Error, measurements, env.Time, settings.Progress == ProgressMode.Live || (settings.Progress == ProgressMode.Auto && terminal))
                .RunAsync(runStart, progressStop.Token);
        var watch = settings.Precision is { } targets
            ? new PrecisionWatch(targets, measurements, env.Time, settings.PrecisionCheckInterval, driver.Finish)
            : null;
        var watching = watch?.RunAsync(progressStop.Token) ?? Task.CompletedTask;
        using var scraper = settings.Tuning.ServerMetrics is { } metricsUrl ? new ServerMetrics.MetricsScraper(metricsUrl, settings.Tuning.ServerMetricsInterval, env.Time) : null;
        if (scraper is not null)
        {
            await scraper.StartAsync(ct).ConfigureAwait(false);
        }

        var timeline = await driver.RunAsync(ct).ConfigureAwait(false);
        progressStop.Cancel();
        await progress.ConfigureAwait(false);
        await watching.ConfigureAwait(false);

        var snapshot = measurements.Snapshot();
        var precision = settings.Precision is { } asked ? PrecisionWatch.Check(asked, snapshot.Histograms) : null;
        foreach (var status in precision ?? [])
        {
            run.Say($"precision: {status.Describe()}");
        }

        var record = Record(settings, run, wallStart, runStart, timeline, snapshot) with
        {
            Precision = precision is null ? null : PrecisionJson(precision, watch!.StoppedEarly),
            Timeline = counter.Snapshot(wallStart.ToUnixTimeMilliseconds(), timeline.MeasureStart),
        };
        if (scraper is not null)
        {
            var scrapes = await scraper.StopAsync(ct).ConfigureAwait(false);
            var server = ServerMetrics.ServerSummary.Metrics(scrapes, record.Metrics());
            record = record with { ServerMetrics = server, Server = ServerMetrics.ServerSummary.Section(scraper.Url.ToString(), scrapes, scraper.Failures, server) };
            if (scraper.Failures > 0)
            {
                run.Say($"warning: {scraper.Failures} scrape(s) of {scraper.Url} failed ({scraper.LastError})");
            }
        }

        return (record, snapshot, timeline);
    }

    private static JsonObject PrecisionJson(IReadOnlyList<PrecisionStatus> statuses, bool stoppedEarly) => new()
    {
        ["level"] = PrecisionCheck.Level,
        ["method"] = PercentileIntervals.Method,
        ["reached"] = statuses.All(s => s.Reached),
        ["stopped_early"] = stoppedEarly,
        ["targets"] = new JsonArray([.. statuses.Select(s => (JsonNode)s.ToJson())]),
    };

    internal static RunRecord Record(RunSettings settings, GateRun run, DateTimeOffset wallStart, long runStart,
        LoadTimeline timeline, MeasuredRun snapshot)
    {
        double Wall(long ticks) => wallStart.ToUnixTimeMilliseconds() + run.Env.Time.GetElapsedTime(runStart, ticks).TotalMilliseconds;
        var end = snapshot.LastEnd ?? timeline.End;
        return new RunRecord
        {
            Tool = run.Tool,
            StartedAt = run.StartedAt,
            Target = Target(settings.Endpoint),
            Load = Load(settings),
            Counts = snapshot.Counts,
            Window = new RunWindow
            {
                StartUnixMs = Wall(timeline.MeasureStart),
                EndUnixMs = Wall(Math.Max(end, timeline.MeasureStart)),
                FirstSentUnixMs = snapshot.FirstSent is { } f ? Wall(f) : null,
                LastSentUnixMs = snapshot.LastSent is { } l ? Wall(l) : null,
            },
            Histograms = snapshot.Histograms,
            OfferedRate = settings.Plan.Rate,
            Goodput = settings.Goodput,
            Interrupted = timeline.Interrupted,
            MaxScheduleLagMs = settings.MaxScheduleLagMs,
            WarmupRequests = snapshot.WarmupRequests,
            Shard = settings.Shard,
        };
    }

    internal static (string? Path, JsonObject Doc) WriteResults(RunSettings settings, RunRecord record, GateRun run)
    {
        string? hlog = null;
        if (settings.Shard is not null && settings.SaveResults is { } output)
        {
            var hlogPath = Path.ChangeExtension(output, ".hlog");
            Directory.CreateDirectory(Path.GetDirectoryName(hlogPath)!);
            HistogramLog.Write(hlogPath, record.Histograms, record.Window);
            hlog = Path.GetFileName(hlogPath);
        }

        var doc = ResultsDocument.Create(record, hlog);
        if (settings.SaveResults is { } path)
        {
            ResultsDocument.Write(path, doc);
            run.Say($"results written to {path}{(hlog is null ? "" : $" (histogram log {hlog})")}");
        }

        return (settings.SaveResults, doc);
    }

    internal static JsonObject Target(EndpointSettings e) => new()
    {
        ["url"] = e.SafeUrl,
        ["api"] = e.Api.Name(),
        ["model"] = e.Model,
        ["stream"] = e.Streams,
        ["max_tokens"] = e.Api.IsOpenAi() ? e.MaxTokens : null,
        ["include_usage"] = e.Streams && e.IncludeUsage,
        ["auth"] = e.AuthVariable is { } v ? $"from ${v}" : null,
    };

    internal static JsonObject Load(RunSettings s) => new()
    {
        ["mode"] = s.Plan.OpenLoop ? "open" : "closed",
        ["concurrency"] = s.Plan.OpenLoop ? null : s.Plan.Concurrency,
        ["rate"] = s.Plan.Rate,
        ["arrival"] = s.Plan.OpenLoop ? s.Plan.Pattern.ToString().ToLowerInvariant() : null,
        ["burstiness"] = s.Plan.OpenLoop && s.Plan.Pattern == ArrivalPattern.Poisson ? s.Plan.Burstiness : null,
        ["max_in_flight"] = s.Plan.OpenLoop ? s.Plan.MaxInFlight : null,
        ["seed"] = s.Plan.Seed,
        ["duration_s"] = s.Plan.Duration?.TotalSeconds,
        ["requests"] = s.Plan.Requests,
        ["warmup_s"] = s.Plan.Warmup.TotalSeconds,
        ["warmup_requests"] = s.Plan.WarmupRequests,
        ["timeout_s"] = s.Plan.Timeout.TotalSeconds,
        ["prompts"] = s.PromptsFile is { } f ? Path.GetFileName(f) : $"synthetic ({s.PromptTokens} words)",
        ["traffic"] = s.Traffic.Shaped ? s.Traffic.Describe() : null,
        ["goodput"] = s.Goodput?.ToString(),
        ["shard"] = s.Shard?.ToString(),
        ["client"] = Transports.NameFor(s.Client, s.Endpoint.Url),
        ["tls"] = s.Endpoint.Url.Scheme == "https" ? s.Tls.Describe() : null,
        ["target_precision"] = s.Precision is { } p ? string.Join(",", p.Select(t => t.ToString())) : null,
    };

    private static string Describe(RunSettings s)
    {
        var load = s.Plan.OpenLoop ? $"open loop at {s.Plan.Rate} req/s ({s.Plan.Pattern.ToString().ToLowerInvariant()})" : $"closed loop, concurrency {s.Plan.Concurrency}";
        var bound = (s.Plan.Duration, s.Plan.Requests) switch
        {
            ({ } d, { } n) => $"{n} requests or {d.TotalSeconds:0.###} s",
            ({ } d, null) => $"{d.TotalSeconds:0.###} s",
            (null, { } n) => $"{n} requests",
            _ => "",
        };
        var until = s.Precision is { } p ? $", or until {string.Join(" and ", p)} (95% interval)" : "";
        return $"{s.Endpoint.Api.Name()} {s.Endpoint.SafeUrl}: {load}, {bound}{until}";
    }
}
