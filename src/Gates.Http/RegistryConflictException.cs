namespace Gates.Http;

/// <summary>
/// A model registry answered 409 Conflict, or a promotion saw another writer move the alias it was writing.
/// The promotion step reports it as a conflict (exit 5); anywhere else it is a runtime error (exit 3).
/// </summary>
public sealed class RegistryConflictException(string message) : Exception(message);
