using System.CommandLine;
using System.Globalization;
using System.Text.Json.Nodes;
using Gates.Cli;
using Gates.Cli.Inputs;
using Gates.Core;
using Gates.Core.Text;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Policy;

namespace Gates.LatencyBench.Commands;

/// <summary>Declares <c>latency-bench policy-smoke</c>: a valid, an unauthenticated and an over-limit request must get 200, 401 and 429.</summary>
internal static class PolicySmokeCommand
{
    public static Command Create(GateEnvironment env)
    {
        var common = new CommonOptions(env);
        Option<string?> T(string flag, string description, params string[] aliases) => EnvOption.Text(env, flag, description, aliases);
        var url = T("--url", "Endpoint behind the gateway, e.g. https://gw/v1/chat/completions", "-u");
        var model = T("--model", "Model name sent in the OpenAI body", "-m");
        var body = T("--body", "Request body (text or @FILE; default: a one-token OpenAI request for chat or completions URLs)");
        var contentType = T("--content-type", "Content-Type of the body (default application/json)");
        var apiKeyEnv = T("--api-key-env", "Environment variable that holds the valid key (required; never printed)");
        var authHeader = T("--auth-header", "Header that carries the key (default Authorization)");
        var authScheme = T("--auth-scheme", "Scheme before the key (default Bearer; 'none' for the bare key)");
        var burst = T("--burst", "Requests sent at once to go over the rate limit (default 30)");
        var expectOk = T("--expect-ok", "Statuses a valid request may get (default 200)");
        var expectUnauth = T("--expect-unauthenticated", "Statuses a request without credentials may get (default 401)");
        var expectLimited = T("--expect-limited", "Statuses that show the rate limit acted (default 429)");
        var timeout = T("--timeout", "Per-request timeout (default 30s)");
        var command = new Command("policy-smoke", "Smoke-test a gateway's policy: a valid request gets 200, one without credentials 401, a burst over the rate limit 429.")
        {
            url, model, body, contentType, apiKeyEnv, authHeader, authScheme, burst, expectOk, expectUnauth, expectLimited, timeout,
        };
        common.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            string? V(Option<string?> o) => parse.GetValue(o) is { Length: > 0 } s ? s : null;
            var uri = FlagValues.Url(V(url), "--url") ?? throw FlagValues.Missing("--url", "the endpoint behind the gateway");
            var variable = V(apiKeyEnv) ?? throw FlagValues.Missing("--api-key-env", "the environment variable that holds a valid key");
            var settings = new PolicySettings
            {
                Url = uri,
                Body = Body(V(body), V(model), uri, env),
                ContentType = V(contentType) ?? "application/json",
                KeyVariable = variable,
                Key = env.Get(variable) ?? throw new GateInputException($"--api-key-env: the environment variable {variable} is not set or empty"),
                AuthHeader = V(authHeader) ?? "Authorization",
                AuthScheme = V(authScheme) is "none" ? "" : V(authScheme) ?? "Bearer",
                Burst = FlagValues.Int(V(burst), "--burst", 1, 10_000) ?? 30,
                ExpectOk = Codes(V(expectOk), "--expect-ok") ?? new HashSet<int> { 200 },
                ExpectUnauthenticated = Codes(V(expectUnauth), "--expect-unauthenticated") ?? new HashSet<int> { 401 },
                ExpectLimited = Codes(V(expectLimited), "--expect-limited") ?? new HashSet<int> { 429 },
                Timeout = FlagValues.Duration(V(timeout), "--timeout", positive: true) ?? TimeSpan.FromSeconds(30),
            };
            var run = GateRun.Start(LatencyBenchCommand.Name, typeof(PolicySmokeCommand).Assembly, common.Bind(parse, env), env);
            using var smoke = new PolicySmoke(settings);
            var (checks, details) = await smoke.RunAsync(ct);
            var report = run.AddChecks(checks).SetSection(new JsonObject { ["policy_smoke"] = details }).Finish();
            return await run.PublishAsync(report, ct);
        });
        return command;
    }

    private static string Body(string? text, string? model, Uri url, GateEnvironment env)
    {
        if (text is not null)
        {
            return text.StartsWith('@') ? InputFiles.ReadAll(env.Resolve(text[1..]), "--body file").Text() : text;
        }

        var kind = ApiKinds.Parse(null, url);
        var json = kind switch
        {
            ApiKind.OpenAiChat => new JsonObject { ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "ping" }) },
            ApiKind.OpenAiCompletions => new JsonObject { ["prompt"] = "ping" },
            _ => throw new GateInputException("--body: give the request body; a default exists for OpenAI chat and completions URLs only"),
        };
        if (model is not null)
        {
            json["model"] = model;
        }

        json["max_tokens"] = 1;
        return json.ToJsonString();
    }

    private static HashSet<int>? Codes(string? text, string flag)
    {
        if (text is null)
        {
            return null;
        }

        var codes = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            codes.Add(int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var c) && c is >= 100 and <= 599
                ? c
                : throw FlagValues.Invalid(flag, text, "HTTP statuses separated by commas, e.g. 401,403"));
        }

        return codes.Count > 0 ? codes : throw FlagValues.Invalid(flag, text, "at least one HTTP status");
    }
}
