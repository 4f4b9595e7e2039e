namespace Gates.CanaryValidate.AbTest;

/// <summary>
/// The looks of an experiment, fixed by its start, duration and interval alone: look k is at start + k·interval (the
/// last one at the end). Every scheduled run recomputes the looks that have passed, so runs keep no state and agree
/// on the looks they share.
/// </summary>
internal sealed record AbSchedule(DateTimeOffset Start, TimeSpan Duration, TimeSpan Interval)
{
    public DateTimeOffset End => Start + Duration;

    public IReadOnlyList<DateTimeOffset> Times
    {
        get
        {
            var times = new List<DateTimeOffset>();
            for (var t = Start + Interval; t < End; t += Interval)
            {
                times.Add(t);
            }

            times.Add(End);
            return times;
        }
    }

    /// <summary>The looks whose time has come by <paramref name="now"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Done(DateTimeOffset now) => [.. Times.Where(t => t <= now)];
}
