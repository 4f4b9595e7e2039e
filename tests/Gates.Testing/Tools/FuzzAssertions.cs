using Shouldly;

namespace Gates.Testing.Tools;

/// <summary>What every run on a mutated input must hold: no crash, and an input error names the file.</summary>
public static class FuzzAssertions
{
    /// <summary>Exit 0, 1, 2 or 4 (never 3), no "internal error", no stack trace; exit 2 names the file.</summary>
    public static RunResult ShouldNotCrash(this RunResult run, string fileName, Mutation mutation)
    {
        var context = $"{mutation}: {run}";
        run.ExitCode.ShouldBeOneOf([0, 1, 2, 4], context);
        run.Stderr.ShouldNotContain("internal error", customMessage: context);
        run.Stderr.ShouldNotContain("   at ", customMessage: context);
        run.Stderr.ShouldNotContain("Exception", customMessage: context);
        if (run.ExitCode == 2)
        {
            run.Stderr.ShouldContain(fileName, customMessage: context);
        }

        return run;
    }

    /// <summary>Exit 2 naming the file, and no crash.</summary>
    public static RunResult ShouldRefuse(this RunResult run, string fileName, Mutation mutation)
    {
        run.ShouldNotCrash(fileName, mutation);
        run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
        return run;
    }
}
