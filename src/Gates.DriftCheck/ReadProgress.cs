using Gates.Cli;

namespace Gates.DriftCheck;

/// <summary>
/// A plain progress line on stderr while a large file is read, at most every few seconds, so CI logs show the run is
/// alive; nothing for files read in a moment. Safe to call from the two reading threads.
/// </summary>
internal sealed class ReadProgress(GateEnvironment env, TimeSpan every)
{
    private readonly long start = env.Time.GetTimestamp();
    private readonly Lock gate = new();
    private TimeSpan last = TimeSpan.Zero;

    public Action<long> For(string path) => rows =>
    {
        var elapsed = env.Time.GetElapsedTime(start);
        lock (gate)
        {
            if (elapsed - last < every)
            {
                return;
            }

            last = elapsed;
            env.Error.WriteLine($"{DriftCheckCommand.Name}: reading {Path.GetFileName(path)}: {Analysis.Words.Count(rows)} rows ({elapsed.TotalSeconds:0} s)");
        }
    };
}
