namespace Gates.LatencyBench.Load;

/// <summary>Counts requests in flight and lets the driver wait until none are left.</summary>
internal sealed class InFlight
{
    private readonly object gate = new();
    private int count;
    private TaskCompletionSource idle = Completed();

    public void Enter()
    {
        lock (gate)
        {
            if (count++ == 0)
            {
                idle = NewIdle();
            }
        }
    }

    public void Exit()
    {
        lock (gate)
        {
            if (--count == 0)
            {
                idle.TrySetResult();
            }
        }
    }

    public async Task WaitAsync(TimeSpan limit, CancellationToken ct)
    {
        Task task;
        lock (gate)
        {
            task = count == 0 ? Task.CompletedTask : idle.Task;
        }

        try
        {
            await task.WaitAsync(limit, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
        }
    }

    private static TaskCompletionSource NewIdle() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TaskCompletionSource Completed()
    {
        var tcs = NewIdle();
        tcs.TrySetResult();
        return tcs;
    }
}
