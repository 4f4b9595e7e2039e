namespace Gates.Testing.Fakes.Kubernetes;

/// <summary>A patch that cannot be applied to the stored object; the fake answers it as the API server does (422).</summary>
public sealed class PatchRejectedException(string message) : Exception(message);
