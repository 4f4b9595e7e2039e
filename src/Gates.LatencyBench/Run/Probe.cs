using Gates.Core;
using Gates.LatencyBench.Http;
using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Run;

/// <summary>
/// One request before the run, measured nowhere. An endpoint that cannot be reached, or that rejects the request
/// (4xx: wrong URL, model or credentials), stops the run with exit 3 and a clear message instead of a report full
/// of errors. A 5xx or a malformed answer is only a warning: that is what the run is there to measure.
/// </summary>
internal static class Probe
{
    public static async Task<string?> CheckAsync(RequestExecutor executor, string url, CancellationToken ct)
    {
        var outcome = new RequestOutcome { Index = 0, Intended = 0, Warmup = true };
        await executor.ExecuteAsync(outcome, ct).ConfigureAwait(false);
        ct.ThrowIfCancellationRequested();
        return outcome.Error switch
        {
            ErrorClass.None => null,
            ErrorClass.Connection => throw new GateRuntimeException($"cannot reach {url}: {outcome.ErrorDetail}"),
            ErrorClass.Timeout => throw new GateRuntimeException($"{url} did not answer the first request: {outcome.ErrorDetail} (raise --timeout?)"),
            ErrorClass.HttpStatus when outcome.Status is >= 400 and < 500 =>
                throw new GateRuntimeException($"{url} rejected the first request with {outcome.ErrorDetail}; check the URL, --api, --model and --api-key-env"),
            _ => $"the first request to {url} failed ({outcome.Error.Name()}: {outcome.ErrorDetail}); measuring anyway",
        };
    }
}
