namespace Gates.CanaryValidate.Tests.Support;

/// <summary>A virtual clock: every wait completes at once and moves the clock forward by its length.</summary>
public sealed class JumpClock(DateTimeOffset start) : TimeProvider
{
    private readonly object gate = new();
    private DateTimeOffset now = start;

    /// <summary>Called with the new time after every jump (to stop a server "midway", say).</summary>
    public Action<DateTimeOffset>? Jumped { get; set; }

    public override DateTimeOffset GetUtcNow()
    {
        lock (gate)
        {
            return now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        if (dueTime != Timeout.InfiniteTimeSpan)
        {
            DateTimeOffset after;
            lock (gate)
            {
                now += dueTime;
                after = now;
            }

            Jumped?.Invoke(after);
            ThreadPool.QueueUserWorkItem(_ => callback(state));
        }

        return new NoTimer();
    }

    private sealed class NoTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
