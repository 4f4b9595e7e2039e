namespace Gates.LatencyBench.Http;

/// <summary>
/// A response body that knows when the bytes of its last read arrived: the time the socket receive that delivered
/// them returned, in <see cref="TimeProvider"/> ticks. Bytes can wait in a buffer while earlier events are parsed;
/// their arrival is still the receive's.
/// </summary>
internal interface IReceiveClock
{
    long LastReceived { get; }
}
