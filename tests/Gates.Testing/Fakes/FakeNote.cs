namespace Gates.Testing.Fakes;

/// <summary>A note stored by <see cref="FakeGitLab"/>; the body changes when it is updated.</summary>
public sealed class FakeNote(long id, string project, long iid, FakeGitLabUser author, string body, bool system)
{
    public long Id { get; } = id;
    public string Project { get; } = project;
    public long Iid { get; } = iid;
    public FakeGitLabUser Author { get; } = author;
    public bool System { get; } = system;
    public string Body { get; set; } = body;
}
