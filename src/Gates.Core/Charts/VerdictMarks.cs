using Gates.Core.Results;

namespace Gates.Core.Charts;

/// <summary>How a verdict looks on a chart: a colour and a shape of its own, so it reads without colour.</summary>
public static class VerdictMarks
{
    public static Ink Ink(Verdict verdict) => verdict switch
    {
        Verdict.Pass => Charts.Ink.Pass,
        Verdict.Warn => Charts.Ink.Warn,
        Verdict.Fail => Charts.Ink.Fail,
        _ => Charts.Ink.Secondary,
    };

    public static Shape Shape(Verdict verdict) => verdict switch
    {
        Verdict.Pass => Charts.Shape.Circle,
        Verdict.Warn => Charts.Shape.Triangle,
        Verdict.Fail => Charts.Shape.Cross,
        _ => Charts.Shape.Diamond,
    };
}
