namespace Gates.CanaryValidate;

/// <summary>Where canary-validate reads the Prometheus credentials: the environment only.</summary>
internal static class PrometheusSecrets
{
    public const string TokenVariable = "GATES_PROMETHEUS_TOKEN";
    public const string PasswordVariable = "GATES_PROMETHEUS_PASSWORD";
}
