namespace Gates.Kubernetes;

/// <summary>The Kubernetes API could not be read, or the target does not exist or has no canary.</summary>
public sealed class TargetUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
