namespace Gates.Core.Statistics.Experiments;

/// <summary>What a comparison of treatment with control must show.</summary>
public enum HypothesisKind
{
    /// <summary>The treatment is better than the control (promote only on this).</summary>
    Superiority,
    /// <summary>The treatment is not worse than the control by more than a relative margin.</summary>
    NonInferiority,
}

/// <summary>
/// A hypothesis on treatment against control. <see cref="RelativeMargin"/> (non-inferiority only) is a share of the
/// control's value: 0.1 allows a treatment up to 10 % worse.
/// </summary>
public sealed record Hypothesis(HypothesisKind Kind, bool HigherIsBetter, double RelativeMargin = 0)
{
    /// <summary>
    /// The contrast D = treatment − scale · control is "good" when sign · D &gt; 0: superiority tests scale 1;
    /// non-inferiority tests scale 1 − margin (higher is better) or 1 + margin (lower is better).
    /// </summary>
    public double Scale => Kind == HypothesisKind.Superiority ? 1 : HigherIsBetter ? 1 - RelativeMargin : 1 + RelativeMargin;

    public double Sign => HigherIsBetter ? 1 : -1;
}
