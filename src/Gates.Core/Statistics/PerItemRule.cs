namespace Gates.Core.Statistics;

/// <summary>How an item with several runs counts: the <c>per_item:</c> key of an eval-gate gate.</summary>
public enum PerItemKind
{
    /// <summary>The item's share of passing runs (the default: every item weighs the same).</summary>
    Share,

    /// <summary>pass^N: the item counts when all its runs pass.</summary>
    All,

    /// <summary>pass@N: the item counts when any of its runs passes.</summary>
    Any,

    /// <summary>k-of-N: the item counts when at least k of its runs pass.</summary>
    AtLeast,

    /// <summary>pass@k estimated from N ≥ k runs: 1 − C(N − c, k)/C(N, k) (Chen et al. 2021).</summary>
    PassAt,

    /// <summary>pass^k estimated from N ≥ k runs: C(c, k)/C(N, k) (Yao et al. 2024, τ-bench).</summary>
    PassAll,

    /// <summary>The item counts when some runs pass and some fail.</summary>
    Flaky,
}

/// <summary>A per-item rule and its k where it takes one.</summary>
public sealed record PerItemRule(PerItemKind Kind, int K = 0)
{
    public static readonly PerItemRule Share = new(PerItemKind.Share);

    /// <summary>As written in a threshold file: all, any, flaky, share, at_least: k, pass_at: k, pass_all: k.</summary>
    public override string ToString() => Kind switch
    {
        PerItemKind.AtLeast => $"at_least: {K}",
        PerItemKind.PassAt => $"pass_at: {K}",
        PerItemKind.PassAll => $"pass_all: {K}",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
