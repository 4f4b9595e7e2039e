using Gates.Cli;
using Gates.LatencyBench.Endpoints;
using Gates.LatencyBench.Load;
using Gates.LatencyBench.Measure;
using Gates.LatencyBench.Results;

namespace Gates.LatencyBench.Run;

/// <summary>How progress is shown while a run is under way.</summary>
internal enum ProgressMode
{
    /// <summary>A live line in a terminal, plain lines otherwise.</summary>
    Auto,
    Live,
    Plain,
    Off,
}

/// <summary>latency-bench run's bound command line.</summary>
internal sealed record RunSettings
{
    public required CommonSettings Common { get; init; }
    public required EndpointSettings Endpoint { get; init; }
    public required LoadPlan Plan { get; init; }
    public string? PromptsFile { get; init; }
    public int PromptTokens { get; init; } = 128;
    public GoodputObjectives? Goodput { get; init; }
    public double MaxScheduleLagMs { get; init; } = 50;
    /// <summary>Where --save-results writes the results file; null when not asked.</summary>
    public string? SaveResults { get; init; }
    public string? RequestsLog { get; init; }
    public ShardInfo? Shard { get; init; }
    public string? Baseline { get; init; }
    public int? BaselineEntry { get; init; }
    public ProgressMode Progress { get; init; }
    public bool Probe { get; init; } = true;
    public Http.ClientKind Client { get; init; }

    /// <summary>How https servers are trusted (--ca-cert, --insecure).</summary>
    public Http.Tls.TlsSettings Tls { get; init; } = Http.Tls.TlsSettings.Default;

    /// <summary>--target-precision: stop once every target's interval is narrow enough (null: run to the bound).</summary>
    public IReadOnlyList<Precision.PrecisionTarget>? Precision { get; init; }

    /// <summary>Prompt lengths, system prompt, turns, maximum-context requests.</summary>
    public Traffic.TrafficSettings Traffic { get; init; } = new();

    /// <summary>Sweep, SLO, tuning log and server metrics (the tuning loop).</summary>
    public Tuning.TuningSettings Tuning { get; init; } = new();

    /// <summary>How often the live histograms are checked against <see cref="Precision"/>.</summary>
    public TimeSpan PrecisionCheckInterval { get; init; } = TimeSpan.FromSeconds(1);
}
