namespace Gates.Core.Results;

/// <summary>Outcome of one check or a whole run, ordered by severity.</summary>
public enum Verdict
{
    Pass = 0,
    Warn = 1,
    Inconclusive = 2,
    Fail = 3,
}

public static class VerdictExtensions
{
    public static Verdict Worst(this IEnumerable<Verdict> verdicts) =>
        verdicts.DefaultIfEmpty(Verdict.Pass).Max();

    public static string ToWord(this Verdict verdict) => verdict switch
    {
        Verdict.Pass => "pass",
        Verdict.Warn => "warn",
        Verdict.Inconclusive => "inconclusive",
        _ => "fail",
    };
}
