using Gates.Testing.Fakes;
using Gates.Testing.Http;
using Gates.GitLab;
using Gates.ManifestBump.Promotion;
using static Gates.ManifestBump.Tests.Promotion.Scenario;

namespace Gates.ManifestBump.Tests.Promotion;

public class GitLabPromotionTests : IDisposable
{
    private const string Branch = "promote/fraud/prod";
    private readonly FakeGitLab fake = new();
    private readonly HttpClient http = new();
    private readonly GitLabPromotionHost host;

    public GitLabPromotionTests()
    {
        fake.Git.Commit("main", Files, "initial");
        host = new GitLabPromotionHost(new GitLabProject(http, new Uri(fake.ApiUrl), fake.Project, fake.Token));
    }

    public void Dispose()
    {
        http.Dispose();
        fake.Dispose();
    }

    [Fact]
    public async Task Ten_runs_leave_one_merge_request_and_no_op_runs_write_nothing()
    {
        (await RunAsync(host, StorageUri("13"))).Outcome.ShouldBe(RemoteOutcome.Updated);
        var writes = fake.Writes;
        for (var i = 0; i < 9; i++)
        {
            (await RunAsync(host, StorageUri("13"))).Outcome.ShouldBe(RemoteOutcome.Unchanged);
        }

        var mr = fake.MergeRequests.ShouldHaveSingleItem();
        (mr.Source, mr.Target, mr.Title).ShouldBe((Branch, "main", "promote(fraud → prod): 12 → 13"));
        fake.Writes.ShouldBe(writes);
        fake.Git.CommitCount(Branch).ShouldBe(2);
        fake.Git.ReadBranchFile(Branch, IsvcPath).ShouldBe(Isvc.Replace("v12'", "v13'"));
    }

    [Fact]
    public async Task A_writer_that_changes_the_same_file_first_loses_no_update()
    {
        await RunAsync(host, StorageUri("13"));
        fake.BeforeNextCommit = git =>
        {
            var text = git.ReadBranchFile(Branch, IsvcPath)!.Replace("canaryTrafficPercent: 100", "canaryTrafficPercent: 25");
            git.Commit(Branch, new Dictionary<string, string> { [IsvcPath] = text }, "other run");
        };

        var result = await RunAsync(host, StorageUri("14"));
        result.Outcome.ShouldBe(RemoteOutcome.Updated);
        result.Attempts.ShouldBe(2);
        var isvc = fake.Git.ReadBranchFile(Branch, IsvcPath);
        Value(isvc, "spec.predictor.model.storageUri").ShouldBe("s3://models/fraud/v14");
        Value(isvc, "spec.predictor.canaryTrafficPercent").ShouldBe("25");
        var mr = fake.MergeRequests.ShouldHaveSingleItem();
        mr.Description.ShouldContain("Supersedes the earlier candidate `13`");
    }

    [Fact]
    public async Task Two_concurrent_runs_both_land()
    {
        var results = await Task.WhenAll(RunAsync(host, StorageUri("13")), RunAsync(host, TransformerTag("13")));
        results.ShouldAllBe(r => r.Outcome == RemoteOutcome.Updated);
        Value(fake.Git.ReadBranchFile(Branch, IsvcPath), "spec.predictor.model.storageUri").ShouldBe("s3://models/fraud/v13");
        Value(fake.Git.ReadBranchFile(Branch, KustomizationPath), "images[0].newTag").ShouldBe("13");
        fake.MergeRequests.Count(m => m.State == "opened").ShouldBe(1);
    }

    [Fact]
    public async Task A_branch_that_keeps_changing_ends_in_a_conflict()
    {
        await RunAsync(host, StorageUri("13"));
        var n = 0;
        void Interfere(FakeGitStore git)
        {
            var text = git.ReadBranchFile(Branch, IsvcPath)!.Replace("# fraud model", $"# fraud model {n++}");
            git.Commit(Branch, new Dictionary<string, string> { [IsvcPath] = text }, "busy");
            fake.BeforeNextCommit = Interfere;
        }

        fake.BeforeNextCommit = Interfere;
        (await RunAsync(host, StorageUri("14"), attempts: 3)).Outcome.ShouldBe(RemoteOutcome.Conflict);
    }
}
