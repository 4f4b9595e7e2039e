namespace Gates.Core;

/// <summary>Infrastructure failure after retries: network, API 5xx, timeout (exit code 3).</summary>
public sealed class GateRuntimeException(string message, Exception? inner = null) : Exception(message, inner);
