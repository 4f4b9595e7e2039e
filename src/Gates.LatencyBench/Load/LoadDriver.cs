using Gates.LatencyBench.Measure;

namespace Gates.LatencyBench.Load;

/// <summary>
/// Drives requests by a <see cref="LoadPlan"/>: closed loop with N workers, or open loop from a pacer thread that
/// releases each request at its scheduled time. Stops issuing at the plan's bound, waits for in-flight requests up
/// to the request timeout, and on cancellation (Ctrl-C) stops at once and reports the run as interrupted.
/// </summary>
internal sealed class LoadDriver(LoadPlan plan, TimeProvider time, Func<RequestOutcome, CancellationToken, ValueTask> execute, Action<RequestOutcome> completed)
{
    private readonly long frequency = time.TimestampFrequency;
    private readonly InFlight inFlight = new();
    private long start;
    private long measureStart;
    private long deadline = long.MaxValue;
    private long issued;
    private long measuredIssued;
    private int finished;
    private Exception? failure;

    public async Task<LoadTimeline> RunAsync(CancellationToken cancel)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        start = time.GetTimestamp();
        measureStart = plan.WarmupRequests > 0 ? 0 : start + Ticks(plan.Warmup);
        if (measureStart != 0 && plan.Duration is { } d)
        {
            deadline = measureStart + Ticks(d);
        }

        if (plan.OpenLoop)
        {
            await Task.Factory.StartNew(() => Pace(abort.Token), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
        }
        else
        {
            var workers = Enumerable.Range(0, plan.Concurrency).Select(_ => Task.Run(() => WorkAsync(abort.Token), CancellationToken.None));
            await Task.WhenAll(workers).ConfigureAwait(false);
        }

        if (!cancel.IsCancellationRequested)
        {
            // Let requests in flight finish; the timeout bounds each of them, so this wait is bounded too.
            await inFlight.WaitAsync(plan.Timeout + TimeSpan.FromSeconds(5), cancel).ConfigureAwait(false);
        }

        abort.Cancel();
        await inFlight.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ConfigureAwait(false);
        if (failure is not null)
        {
            throw new InvalidOperationException($"recording a result failed: {failure.Message}", failure);
        }

        var end = time.GetTimestamp();
        return new LoadTimeline(start, Volatile.Read(ref measureStart) is var ms and > 0 ? ms : end, end, cancel.IsCancellationRequested);
    }

    private async Task WorkAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetTimestamp();
            var outcome = Next(now);
            if (outcome is null)
            {
                return;
            }

            inFlight.Enter();
            try
            {
                await execute(outcome, ct).ConfigureAwait(false);
            }
            finally
            {
                Complete(outcome);
                inFlight.Exit();
            }
        }
    }

    private void Pace(CancellationToken ct)
    {
        var schedule = new ArrivalSchedule(plan.Rate!.Value, plan.Pattern, plan.Burstiness, plan.Seed);
        var slots = new SemaphoreSlim(plan.MaxInFlight);
        foreach (var offset in schedule.Offsets())
        {
            var target = start + Ticks(TimeSpan.FromSeconds(offset));
            if (!WaitUntil(target, ct))
            {
                return;
            }

            var outcome = Next(target);
            if (outcome is null)
            {
                return;
            }

            try
            {
                slots.Wait(ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            inFlight.Enter();
            _ = Task.Run(() => RunOneAsync(outcome, slots, ct), CancellationToken.None);
        }
    }

    private async Task RunOneAsync(RequestOutcome outcome, SemaphoreSlim slots, CancellationToken ct)
    {
        try
        {
            await execute(outcome, ct).ConfigureAwait(false);
        }
        finally
        {
            Complete(outcome);
            slots.Release();
            inFlight.Exit();
        }
    }

    /// <summary>Stops issuing requests (those in flight still finish), e.g. once a target precision is reached.</summary>
    public void Finish() => Volatile.Write(ref finished, 1);

    /// <summary>The next request, intended at <paramref name="intended"/>, or null once the plan's bound is reached.</summary>
    private RequestOutcome? Next(long intended)
    {
        if (Volatile.Read(ref finished) == 1)
        {
            return null;
        }

        var index = Interlocked.Increment(ref issued) - 1;
        var warmup = index < plan.WarmupRequests || (plan.WarmupRequests == 0 && intended < measureStart);
        if (!warmup)
        {
            if (Volatile.Read(ref measureStart) == 0)
            {
                // Count-based warmup: the measurement phase starts with the first measured request.
                if (Interlocked.CompareExchange(ref measureStart, intended, 0) == 0 && plan.Duration is { } d)
                {
                    Volatile.Write(ref deadline, intended + Ticks(d));
                }
            }

            if (intended >= Volatile.Read(ref deadline))
            {
                return null;
            }

            var n = Interlocked.Increment(ref measuredIssued);
            if (plan.Requests is { } max && n > max)
            {
                return null;
            }
        }

        return new RequestOutcome { Index = index, Intended = intended, Warmup = warmup };
    }

    private bool WaitUntil(long target, CancellationToken ct)
    {
        var sleepThreshold = frequency * 3 / 2000;
        while (true)
        {
            if (ct.IsCancellationRequested)
            {
                return false;
            }

            var remaining = target - time.GetTimestamp();
            if (remaining <= 0)
            {
                return true;
            }

            if (remaining > sleepThreshold)
            {
                Thread.Sleep(TimeSpan.FromSeconds((double)(remaining - sleepThreshold) / frequency));
            }
            else
            {
                Thread.Yield();
            }
        }
    }

    private void Complete(RequestOutcome outcome)
    {
        try
        {
            completed(outcome);
        }
        catch (Exception e)
        {
            Interlocked.CompareExchange(ref failure, e, null);
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * frequency);
}
