namespace Gates.Testing.Fakes;

/// <summary>An open or closed pull request in <see cref="FakeGitHub"/>.</summary>
public sealed class FakePullRequest
{
    public required int Number { get; init; }
    public required string Head { get; init; }
    public required string Base { get; init; }
    public required string Title { get; set; }
    public string Body { get; set; } = "";
    public string State { get; set; } = "open";
    public List<string> Labels { get; } = [];
}
