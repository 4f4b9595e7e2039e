namespace Gates.Testing.Fakes;

/// <summary>A merge request in <see cref="FakeGitLab"/>.</summary>
public sealed class FakeMergeRequest
{
    public required int Iid { get; init; }
    public required string Source { get; init; }
    public required string Target { get; init; }
    public required string Title { get; set; }
    public string Description { get; set; } = "";
    public string State { get; set; } = "opened";
    public List<string> Labels { get; } = [];
}
