using Gates.Testing.Prometheus;

namespace Gates.CanaryValidate.Tests.AbTest;

/// <summary>What one arm of a two-arm LLM gateway does: request rate, outcome rates and distributions.</summary>
internal sealed record ArmProfile(double PerMinute, double Success, double Hallucination = 0.05)
{
    /// <summary>Shares of ratings 1 to 5 (one request in ten is rated).</summary>
    public double[] Ratings { get; init; } = [0.05, 0.10, 0.15, 0.35, 0.35];

    /// <summary>From this time after the experiment's start, the success rate is <see cref="SuccessAfterDrop"/>.</summary>
    public TimeSpan? DropAt { get; init; }

    public double SuccessAfterDrop { get; init; }
}

/// <summary>
/// The series a two-arm gateway exports under Gates' built-in names (llm_requests_total, llm_task_success_total,
/// llm_hallucinations_total, the llm_user_satisfaction_score, llm_request_cost_dollars and llm_request_duration_seconds
/// histograms), split by the <c>model</c> label, written as OpenMetrics for a real Prometheus to backfill: a day
/// before the experiment's start to an hour after its end, a sample every five minutes.
/// </summary>
internal static class TwoArmExporter
{
    public const string Control = "gpt-4o-2024-08-06";
    public const string Treatment = "gpt-4o-2025-01-15";
    public static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Before = TimeSpan.FromDays(1);

    public static string Series(ArmProfile control, ArmProfile treatment)
    {
        var writer = new OpenMetricsWriter { Step = TimeSpan.FromMinutes(5) };
        Arm(writer, Control, control);
        Arm(writer, Treatment, treatment);
        return writer.ToString();
    }

    private static void Arm(OpenMetricsWriter writer, string model, ArmProfile arm)
    {
        var from = Start - Before;
        var length = Before + TimeSpan.FromDays(7) + TimeSpan.FromHours(1);
        var labels = $"model=\"{model}\"";
        var perSecond = arm.PerMinute / 60;
        writer.Counter("llm_requests_total", labels, from, length, perSecond);
        writer.Series("llm_task_success_total", labels, from, length, s => Math.Floor(Successes(arm, perSecond, s)));
        writer.Counter("llm_hallucinations_total", labels, from, length, perSecond * arm.Hallucination);

        var rated = perSecond / 10;
        var below = 0.0;
        var mean = 0.0;
        for (var rating = 1; rating <= 5; rating++)
        {
            below += arm.Ratings[rating - 1];
            mean += rating * arm.Ratings[rating - 1];
            writer.Counter("llm_user_satisfaction_score_bucket", $"{labels},le=\"{rating}\"", from, length, rated * below);
        }

        writer.Counter("llm_user_satisfaction_score_bucket", $"{labels},le=\"+Inf\"", from, length, rated);
        writer.Counter("llm_user_satisfaction_score_count", labels, from, length, rated);
        writer.Series("llm_user_satisfaction_score_sum", labels, from, length, s => Math.Floor(rated * s) * mean);

        // Costs of 0.001, 0.002 and 0.005 dollars in shares 0.3, 0.5 and 0.2.
        foreach (var (le, share) in new[] { ("0.001", 0.3), ("0.002", 0.8), ("0.005", 1.0), ("0.01", 1.0), ("+Inf", 1.0) })
        {
            writer.Counter("llm_request_cost_dollars_bucket", $"{labels},le=\"{le}\"", from, length, perSecond * share);
        }

        writer.Counter("llm_request_cost_dollars_count", labels, from, length, perSecond);
        writer.Series("llm_request_cost_dollars_sum", labels, from, length, s => Math.Floor(perSecond * s) * 0.0023);

        foreach (var (le, share) in new[] { ("0.5", 0.5), ("1", 0.8), ("2", 0.95), ("5", 1.0), ("+Inf", 1.0) })
        {
            writer.Counter("llm_request_duration_seconds_bucket", $"{labels},le=\"{le}\"", from, length, perSecond * share);
        }
    }

    private static double Successes(ArmProfile arm, double perSecond, double seconds)
    {
        var drop = arm.DropAt is { } at ? (Before + at).TotalSeconds : double.PositiveInfinity;
        return (perSecond * Math.Min(seconds, drop) * arm.Success) + (perSecond * Math.Max(0, seconds - drop) * arm.SuccessAfterDrop);
    }
}
