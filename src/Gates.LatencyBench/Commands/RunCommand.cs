using Gates.Cli.Inputs;
using Gates.Core.Text;
using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Core;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Load;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;
using Gates.LatencyBench.Run;

namespace Gates.LatencyBench.Commands;

/// <summary>Declares <c>latency-bench run</c> and binds its options; the work is done by <see cref="LatencyRun"/>.</summary>
internal static class RunCommand
{
    public static Command Create(GateEnvironment env, Func<bool> terminal)
    {
        var common = new CommonOptions(env);
        Option<string?> T(string flag, string description, params string[] aliases) => EnvOption.Text(env, flag, description, aliases);
        var url = T("--url", "Endpoint URL, e.g. http://host:8000/v1/chat/completions", "-u");
        var api = T("--api", "auto | openai-chat | openai-completions | kserve-v1 | kserve-v2 | http (default auto: from the URL path)");
        var model = T("--model", "Model name sent in OpenAI bodies", "-m");
        var noStream = EnvOption.Flag(env, "--no-stream", "Ask for whole (non-streamed) responses; TTFT and ITL are then not measured");
        var maxTokens = T("--max-tokens", "max_tokens per request (default 128)");
        var noUsage = EnvOption.Flag(env, "--no-include-usage", "Do not send stream_options.include_usage (for servers that reject it); tokens are then counted per chunk");
        var extraBody = T("--extra-body", "JSON object merged into each OpenAI/KServe body, e.g. '{\"temperature\":0,\"ignore_eos\":true}'");
        var prompts = T("--prompts", "JSONL prompts: one JSON string or {prompt|messages|body, max_tokens} per line");
        var promptTokens = T("--prompt-tokens", "Length of synthetic prompts in words (about one token each; default 128)");
        var method = T("--method", "HTTP method for --api http (default POST)");
        var bodyTemplate = T("--body-template", "Body template, or @FILE; {{prompt}} (JSON-escaped), {{max_tokens}}, {{model}}, {{index}}");
        var contentType = T("--content-type", "Content-Type of the body (default application/json)");
        var headers = EnvOption.List(env, "--header", "Extra header 'Name: value'", "-H");
        var apiKeyEnv = T("--api-key-env", "Name of the environment variable that holds the API key (never printed)");
        var authHeader = T("--auth-header", "Header that carries the key (default Authorization)");
        var authScheme = T("--auth-scheme", "Scheme before the key (default Bearer; 'none' for the bare key)");
        var concurrency = T("--concurrency", "Closed loop: number of requests kept in flight (default 1)");
        var rate = T("--rate", "Open loop: requests per second, started on schedule whatever the server does");
        var arrival = T("--arrival", "Open loop: constant | poisson (default constant)");
        var burstiness = T("--burstiness", "Poisson arrivals: gamma shape; 1 = Poisson, < 1 burstier, > 1 smoother (default 1)");
        var seed = T("--seed", "Seed for arrivals and synthetic prompts (default 42)");
        var maxInFlight = T("--max-in-flight", "Open loop: ceiling on outstanding requests (default 1000)");
        var duration = T("--duration", "Measurement length, e.g. 30s, 5m (default 60s unless --requests)", "-d");
        var requests = T("--requests", "Number of measured requests");
        var warmup = T("--warmup", "Warmup time excluded from the results, e.g. 10s");
        var warmupRequests = T("--warmup-requests", "Number of warmup requests excluded from the results");
        var timeout = T("--timeout", "Per-request timeout (default 60s)");
        var goodput = T("--goodput", "Per-request objectives for goodput, ms: ttft:300,tpot:50,latency:2000");
        var maxLag = T("--max-schedule-lag", "Open loop: p99 schedule lag beyond which the run is invalid (default 50ms)");
        var saveResults = T("--save-results", "Write the results file (JSON, for 'gate', 'merge' and --baseline) here");
        var requestsLog = T("--requests-log", "Write one JSON line per request here (streamed)");
        var shard = T("--shard", "This run is shard INDEX/COUNT: also writes a histogram log beside --save-results for 'merge'");
        var baseline = T("--baseline", "Results of the current production model, for delta gates (any supported format)", "-b");
        var baselineEntry = T("--baseline-entry", "Which result of a multi-result baseline file (1-based)");
        var progress = T("--progress", "auto | live | plain | off (default auto: live in a terminal, plain lines in CI)");
        var client = T("--client", "auto | raw | system: the lean HTTP/1.1 client or .NET HttpClient (default auto: the lean client, http and https)");
        var caCert = T("--ca-cert", "https: trust the PEM certificate(s) in FILE (a private CA or a self-signed test server) instead of the system store");
        var insecure = EnvOption.Flag(env, "--insecure", "https: accept any server certificate, unchecked (test servers only)");
        var precision = T(Precision.PrecisionTarget.Flag, "Stop once the 95% interval of each named percentile is within ±X% of it, e.g. p95:5% or p95:5%,ttft_p99:10%; --duration/--requests stay the cap");
        var noProbe = EnvOption.Flag(env, "--no-probe", "Skip the first check request (an unreachable endpoint then shows as connection errors)");

        var command = new Command("run", "Drive load at an endpoint, measure latency, tokens and errors, and optionally gate the results.")
        {
            url, api, model, noStream, maxTokens, noUsage, extraBody, prompts, promptTokens, method, bodyTemplate, contentType, headers,
            apiKeyEnv, authHeader, authScheme, concurrency, rate, arrival, burstiness, seed, maxInFlight, duration, requests, warmup,
            warmupRequests, timeout, goodput, maxLag, saveResults, requestsLog, shard, baseline, baselineEntry, progress, client, noProbe,
            precision, caCert, insecure,
        };
        common.AddTo(command);
        var tuning = new TuningOptions(env);
        tuning.AddTo(command);
        var traffic = new TrafficOptions(env);
        traffic.AddTo(command);
        command.SetAction((parse, ct) =>
        {
            string? V(Option<string?> o) => parse.GetValue(o) is { Length: > 0 } s ? s : null;
            var uri = FlagValues.Url(V(url), "--url") ?? throw FlagValues.Missing("--url", "the endpoint to load");
            var kind = ApiKinds.Parse(V(api), uri);
            var endpoint = new EndpointSettings
            {
                Url = uri,
                Api = kind,
                Model = V(model),
                Stream = !parse.GetValue(noStream),
                MaxTokens = FlagValues.Int(V(maxTokens), "--max-tokens") ?? 128,
                IncludeUsage = !parse.GetValue(noUsage),
                ExtraBody = traffic.OutputControl(parse, ExtraBody(V(extraBody))),
                Method = V(method) ?? "POST",
                BodyTemplate = Template(V(bodyTemplate), env),
                ContentType = V(contentType) ?? "application/json",
                Headers = Headers(parse.GetValue(headers) ?? []),
                AuthHeader = V(authHeader) ?? "Authorization",
                AuthScheme = V(authScheme) is "none" ? "" : V(authScheme) ?? "Bearer",
                AuthVariable = V(apiKeyEnv),
                AuthValue = V(apiKeyEnv) is { } variable
                    ? env.Get(variable) ?? throw new GateInputException($"--api-key-env: the environment variable {variable} is not set or empty")
                    : null,
            };
            var plan = Plan(parse, V, concurrency, rate, arrival, burstiness, seed, maxInFlight, duration, requests, warmup, warmupRequests, timeout);
            var shardInfo = V(shard) is { } s ? ShardInfo.Parse(s) : null;
            if (shardInfo is not null && V(saveResults) is null)
            {
                throw new GateInputException("--shard needs --save-results: the shard's results and histogram log are written there for 'latency-bench merge'");
            }

            var settings = new RunSettings
            {
                Common = common.Bind(parse, env),
                Endpoint = endpoint,
                Plan = plan,
                PromptsFile = FlagValues.Path(V(prompts), env),
                PromptTokens = FlagValues.Int(V(promptTokens), "--prompt-tokens", 1, 100_000) ?? 128,
                Goodput = GoodputObjectives.Parse(V(goodput)),
                MaxScheduleLagMs = FlagValues.Duration(V(maxLag), "--max-schedule-lag")?.TotalMilliseconds ?? 50,
                SaveResults = FlagValues.Path(V(saveResults), env),
                RequestsLog = FlagValues.Path(V(requestsLog), env),
                Shard = shardInfo,
                Baseline = FlagValues.Path(V(baseline), env),
                BaselineEntry = FlagValues.Int(V(baselineEntry), "--baseline-entry"),
                Progress = EnvOption.ParseWord(V(progress), "--progress", ProgressMode.Auto),
                Probe = !parse.GetValue(noProbe),
                Client = EnvOption.ParseWord(V(client), "--client", Http.ClientKind.Auto),
                Tls = Http.Tls.TlsSettings.Create(FlagValues.Path(V(caCert), env), parse.GetValue(insecure)),
                Precision = Precision.PrecisionTarget.ParseList(V(precision)),
                Tuning = tuning.Bind(parse, env, uri),
                Traffic = traffic.Bind(parse),
            };
            _ = Http.Transports.NameFor(settings.Client, uri);
            return LatencyRun.ExecuteAsync(settings, env, terminal(), ct);
        });
        return command;
    }

    private static LoadPlan Plan(ParseResult parse, Func<Option<string?>, string?> v, Option<string?> concurrency, Option<string?> rate,
        Option<string?> arrival, Option<string?> burstiness, Option<string?> seed, Option<string?> maxInFlight, Option<string?> duration,
        Option<string?> requests, Option<string?> warmup, Option<string?> warmupRequests, Option<string?> timeout)
    {
        var c = FlagValues.Int(v(concurrency), "--concurrency", 1, 100_000);
        var r = FlagValues.Positive(v(rate), "--rate");
        if (c is not null && r is not null)
        {
            throw new GateInputException("give either --concurrency (closed loop) or --rate (open loop), not both; use --max-in-flight to cap an open loop");
        }

        var d = FlagValues.Duration(v(duration), "--duration", positive: true);
        var n = FlagValues.Int(v(requests), "--requests");
        var pattern = EnvOption.ParseWord(v(arrival), "--arrival", ArrivalPattern.Constant);
        var timeoutSpan = FlagValues.Duration(v(timeout), "--timeout", positive: true) ?? TimeSpan.FromSeconds(60);

        return new LoadPlan
        {
            Concurrency = c ?? 1,
            Rate = r,
            Pattern = pattern,
            Burstiness = FlagValues.Positive(v(burstiness), "--burstiness") ?? 1,
            Seed = FlagValues.Int(v(seed), "--seed", 0) ?? 42,
            MaxInFlight = FlagValues.Int(v(maxInFlight), "--max-in-flight", 1, 1_000_000) ?? 1000,
            Duration = d ?? (n is null ? TimeSpan.FromSeconds(60) : null),
            Requests = n,
            Warmup = FlagValues.Duration(v(warmup), "--warmup") ?? TimeSpan.Zero,
            WarmupRequests = FlagValues.Int(v(warmupRequests), "--warmup-requests", 0) ?? 0,
            Timeout = timeoutSpan,
        };
    }

    private static JsonObject? ExtraBody(string? text)
    {
        if (text is null)
        {
            return null;
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new GateInputException("--extra-body must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new GateInputException($"--extra-body: invalid JSON: {e.Message}");
        }
    }

    private static string? Template(string? text, GateEnvironment env)
    {
        if (text is null || !text.StartsWith('@'))
        {
            return text;
        }

        return InputFiles.ReadAll(env.Resolve(text[1..]), "--body-template file").Text();
    }

    /// <summary>Headers that carry a credential: never from a flag (process lists, CI logs), only through --api-key-env.</summary>
    private static readonly HashSet<string> CredentialHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "X-API-Key", "Api-Key", "X-Auth-Token", "Cookie",
    };

    private static List<KeyValuePair<string, string>> Headers(string[] values) => [.. values.Select(h =>
    {
        var colon = h.IndexOf(':');
        if (colon <= 0 || h.IndexOfAny(['\r', '\n']) >= 0)
        {
            throw new GateInputException("--header: a header is 'Name: value' on one line");
        }

        var name = h[..colon].Trim();
        return CredentialHeaders.Contains(name)
            ? throw new GateInputException($"--header {name}: a credential is not accepted in a header flag (it would show in process lists and logs); " +
                "put it in an environment variable and give --api-key-env NAME (with --auth-header and --auth-scheme for another header or scheme)")
            : KeyValuePair.Create(name, h[(colon + 1)..].Trim());
    })];
}
