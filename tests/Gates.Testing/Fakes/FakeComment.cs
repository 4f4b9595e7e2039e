namespace Gates.Testing.Fakes;

/// <summary>A comment stored by <see cref="FakeGitHub"/>; the body changes when it is updated.</summary>
public sealed class FakeComment(long id, string repository, int number, string login, bool isBot, string body)
{
    public long Id { get; } = id;
    public string Repository { get; } = repository;
    public int Number { get; } = number;
    public string Login { get; } = login;
    public bool IsBot { get; } = isBot;
    public string Body { get; set; } = body;
}
