namespace Gates.Prometheus;

/// <summary>The server rejected the query itself (bad PromQL, bad parameters): retrying cannot help.</summary>
public sealed class PrometheusQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The server refused the credentials (401/403).</summary>
public sealed class PrometheusAuthException(string message) : Exception(message);

/// <summary>The server could not be reached or kept failing after the retry budget was spent.</summary>
public sealed class PrometheusUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
