using Gates.Core;

namespace Gates.LatencyBench.Import;

/// <summary>Converts durations in the units other tools write to milliseconds.</summary>
internal static class Units
{
    public static double ToMs(double value, string? unit, string where) => (unit ?? "").Trim().ToLowerInvariant() switch
    {
        "ms" or "millisecond" or "milliseconds" => value,
        "s" or "sec" or "second" or "seconds" => value * 1000,
        "us" or "µs" or "μs" or "microseconds" => value / 1000,
        "ns" or "nanoseconds" => value / 1_000_000,
        _ => throw new GateInputException($"{where}: unknown time unit '{unit}' (expected ns, us, ms or s)"),
    };

    public static bool IsTime(string? unit) =>
        (unit ?? "").Trim().ToLowerInvariant() is "ms" or "s" or "sec" or "us" or "µs" or "μs" or "ns"
            or "millisecond" or "milliseconds" or "second" or "seconds" or "microseconds" or "nanoseconds";
}
