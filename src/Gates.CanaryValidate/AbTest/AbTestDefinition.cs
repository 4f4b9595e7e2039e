using Gates.Core.Results;

namespace Gates.CanaryValidate.AbTest;

/// <summary>One arm: its role, the value of the arm label in metrics (the model name), and its configured weight.</summary>
internal sealed record AbArm(string Role, string Label, double Weight);

/// <summary>Roll back when the treatment's value over the trailing window is beyond the threshold.</summary>
internal sealed record AbGuardrail(AbMetric Metric, double Threshold, TimeSpan Window);

/// <summary>What secondary metrics do: a non-inferiority check with a relative margin, or appear in the report only.</summary>
internal enum SecondaryMode
{
    NonInferiority,
    Report,
}

/// <summary>The statistical and data settings of an experiment (the file's <c>analysis:</c> section and flags).</summary>
internal sealed record AbSettings
{
    public TimeSpan Interval { get; init; } = TimeSpan.FromHours(1);
    public double Alpha { get; init; } = 0.05;
    public double Power { get; init; } = 0.8;
    public long MinSamples { get; init; } = 100;
    public double Margin { get; init; } = 0.1;
    public SecondaryMode Secondary { get; init; } = SecondaryMode.NonInferiority;
    public string ArmLabel { get; init; } = "model";
    public double SrmAlpha { get; init; } = 0.001;
    public bool FixedHorizon { get; init; }
    /// <summary>Fixed horizon: the control's rate of the first proportion primary (default: observed at look 1).</summary>
    public double? BaselineRate { get; init; }
    /// <summary>Fixed horizon: the smallest absolute difference worth detecting.</summary>
    public double? Mde { get; init; }
    public string TrafficQuery { get; init; } = "";
}

/// <summary>An ABTest file, validated and resolved: arms, metrics, guardrails, duration and the start.</summary>
internal sealed record AbTestDefinition
{
    public required string Name { get; init; }
    public string? Namespace { get; init; }
    public required TimeSpan Duration { get; init; }
    public required AbArm Control { get; init; }
    public required AbArm Treatment { get; init; }
    public required IReadOnlyList<AbMetric> Primary { get; init; }
    public required IReadOnlyList<AbMetric> Secondary { get; init; }
    public required IReadOnlyList<AbGuardrail> Guardrails { get; init; }
    public string? Assignment { get; init; }
    /// <summary>The unit id column of outcome files (assignment.hash_key, default unit_id).</summary>
    public string UnitKey { get; init; } = "unit_id";
    public DateTimeOffset? StartedAt { get; init; }
    public required AbSettings Settings { get; init; }
    public Uri? PrometheusUrl { get; init; }
    public InputFile? File { get; init; }

    public double TreatmentShare => Treatment.Weight / (Control.Weight + Treatment.Weight);

    public IEnumerable<AbMetric> AllMetrics => Primary.Concat(Secondary).Concat(Guardrails.Select(g => g.Metric)).DistinctBy(m => m.Name);
}
