namespace Gates.Testing.Fakes;

/// <summary>A GitLab user a token acts as.</summary>
public sealed record FakeGitLabUser(long Id, string Username, bool CanWrite = true);
