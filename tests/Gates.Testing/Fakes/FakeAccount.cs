namespace Gates.Testing.Fakes;

/// <summary>
/// An account a GitHub token acts as. GitHub Actions' GITHUB_TOKEN is <c>github-actions[bot]</c>, a bot that cannot
/// read <c>/user</c>; a personal token is a user that can; a fork's token cannot write.
/// </summary>
public sealed record FakeAccount(string Login, bool IsBot, bool CanWrite = true, bool CanReadUser = true)
{
    public static FakeAccount ActionsToken { get; } = new("github-actions[bot]", IsBot: true, CanReadUser: false);

    public static FakeAccount ReadOnlyActionsToken { get; } = new("github-actions[bot]", IsBot: true, CanWrite: false, CanReadUser: false);
}
