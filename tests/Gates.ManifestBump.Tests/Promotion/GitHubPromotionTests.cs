using Gates.Testing.Fakes;
using Gates.Testing.Http;
using Gates.GitHub;
using Gates.ManifestBump.Promotion;
using static Gates.ManifestBump.Tests.Promotion.Scenario;

namespace Gates.ManifestBump.Tests.Promotion;

public class GitHubPromotionTests : IDisposable
{
    private const string Branch = "promote/fraud/prod";
    private readonly FakeGitHub fake = new();
    private readonly GitHubPromotionHost host;

    public GitHubPromotionTests()
    {
        fake.Git.Commit("main", Files, "initial");
        host = new GitHubPromotionHost(new GitHubRepository(GitHubConnection.Create(fake.Token, new Uri(fake.ApiUrl)), fake.Owner, fake.Repo));
    }

    public void Dispose() => fake.Dispose();

    [Fact]
    public async Task Ten_runs_leave_one_pull_request_and_one_commit()
    {
        var first = await RunAsync(host, StorageUri("13"));
        first.Outcome.ShouldBe(RemoteOutcome.Updated);
        var writesAfterFirst = fake.Writes;
        for (var i = 0; i < 9; i++)
        {
            (await RunAsync(host, StorageUri("13"))).Outcome.ShouldBe(RemoteOutcome.Unchanged);
        }

        var pull = fake.Pulls.ShouldHaveSingleItem();
        pull.Head.ShouldBe(Branch);
        pull.Labels.ShouldBe(["model-promotion"]);
        pull.Title.ShouldBe("promote(fraud → prod): 12 → 13");
        pull.Body.ShouldContain("| `apps/fraud/prod/isvc.yaml` |");
        fake.Git.CommitCount(Branch).ShouldBe(2);
        fake.Writes.ShouldBe(writesAfterFirst, "no-op runs must not write anything");
        fake.Git.ReadBranchFile(Branch, IsvcPath).ShouldBe(Isvc.Replace("v12'", "v13'"));
        fake.Git.ReadBranchFile("main", IsvcPath).ShouldBe(Isvc);
    }

    [Fact]
    public async Task The_commit_carries_trailers()
    {
        await RunAsync(host, StorageUri("13"));
        var message = fake.Git.Commits[fake.Git.Branches[Branch]].Message;
        message.ShouldStartWith("promote(fraud → prod): 12 → 13\n");
        message.ShouldContain("\nModel: fraud\nModel-Version: 13\nPrevious-Version: 12\nEnvironment: prod\n");
    }

    [Fact]
    public async Task A_newer_candidate_updates_the_same_pull_request()
    {
        await RunAsync(host, StorageUri("13"));
        var second = await RunAsync(host, StorageUri("14"));
        second.Outcome.ShouldBe(RemoteOutcome.Updated);
        var pull = fake.Pulls.ShouldHaveSingleItem();
        pull.Title.ShouldBe("promote(fraud → prod): 12 → 14");
        pull.Body.ShouldContain("Supersedes the earlier candidate `13`");
        Value(fake.Git.ReadBranchFile(Branch, IsvcPath), "spec.predictor.model.storageUri").ShouldBe("s3://models/fraud/v14");

        var writes = fake.Writes;
        (await RunAsync(host, StorageUri("14"))).Outcome.ShouldBe(RemoteOutcome.Unchanged);
        fake.Writes.ShouldBe(writes, "repeating the newer candidate changes nothing, not even the body");
    }

    [Fact]
    public async Task A_writer_that_moves_the_branch_first_loses_no_update()
    {
        await RunAsync(host, StorageUri("13"));
        fake.BeforeNextRefUpdate = git =>
        {
            var text = git.ReadBranchFile(Branch, KustomizationPath)!.Replace("\"12\"", "\"13\"");
            git.Commit(Branch, new Dictionary<string, string> { [KustomizationPath] = text }, "other run");
        };

        var result = await RunAsync(host, Canary("10"));
        result.Outcome.ShouldBe(RemoteOutcome.Updated);
        result.Attempts.ShouldBe(2);
        fake.Requests.ShouldContain(r => r.Method == "PATCH" && r.Path.Contains("/git/refs/"));
        var isvc = fake.Git.ReadBranchFile(Branch, IsvcPath);
        Value(isvc, "spec.predictor.model.storageUri").ShouldBe("s3://models/fraud/v13");
        Value(isvc, "spec.predictor.canaryTrafficPercent").ShouldBe("10");
        Value(fake.Git.ReadBranchFile(Branch, KustomizationPath), "images[0].newTag").ShouldBe("13");
        fake.Pulls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Two_concurrent_runs_both_land_on_one_branch()
    {
        var results = await Task.WhenAll(RunAsync(host, StorageUri("13")), RunAsync(host, TransformerTag("13")));
        results.ShouldAllBe(r => r.Outcome == RemoteOutcome.Updated);
        Value(fake.Git.ReadBranchFile(Branch, IsvcPath), "spec.predictor.model.storageUri").ShouldBe("s3://models/fraud/v13");
        Value(fake.Git.ReadBranchFile(Branch, KustomizationPath), "images[0].newTag").ShouldBe("13");
        fake.OpenPulls.Count().ShouldBe(1);
    }

    [Fact]
    public async Task A_branch_that_keeps_moving_ends_in_a_conflict()
    {
        await RunAsync(host, StorageUri("13"));
        var n = 0;
        void Interfere(FakeGitStore git)
        {
            git.Commit(Branch, new Dictionary<string, string> { [$"notes/{n++}.txt"] = "x" }, "busy");
            fake.BeforeNextRefUpdate = Interfere;
        }

        fake.BeforeNextRefUpdate = Interfere;
        var result = await RunAsync(host, StorageUri("14"), attempts: 3);
        result.Outcome.ShouldBe(RemoteOutcome.Conflict);
        result.Attempts.ShouldBe(3);
        Value(fake.Git.ReadBranchFile(Branch, IsvcPath), "spec.predictor.model.storageUri").ShouldBe("s3://models/fraud/v13");
    }

    [Fact]
    public async Task A_moved_base_is_merged_in_and_the_edit_applied_again_on_it()
    {
        await RunAsync(host, StorageUri("13"));
        var isvcOnMain = Isvc.Replace("# fraud model, production", "# fraud model, production (owned by team-risk)");
        var main = fake.Git.Commit("main", new Dictionary<string, string> { [IsvcPath] = isvcOnMain }, "edit on main");

        (await RunAsync(host, StorageUri("14"))).Outcome.ShouldBe(RemoteOutcome.Updated);
        var head = fake.Git.Commits[fake.Git.Branches[Branch]];
        head.Parents.ShouldContain(main);
        fake.Git.ReadBranchFile(Branch, IsvcPath).ShouldBe(isvcOnMain.Replace("v12'", "v14'"));
        fake.Pulls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Nothing_to_promote_when_main_already_pins_the_version()
    {
        fake.Git.Commit("main", new Dictionary<string, string> { [IsvcPath] = Isvc.Replace("v12'", "v13'") });
        var writes = fake.Writes;
        (await RunAsync(host, StorageUri("13"))).Outcome.ShouldBe(RemoteOutcome.NothingToPromote);
        fake.Writes.ShouldBe(writes);
        fake.Pulls.ShouldBeEmpty();
        fake.Git.Branches.ContainsKey(Branch).ShouldBeFalse();
    }

    [Fact]
    public async Task A_hold_on_main_stops_the_promotion()
    {
        fake.Git.Commit("main", new Dictionary<string, string> { [IsvcPath] = Isvc.Replace("# pinned by manifest-bump", "# gates:hold rolled back (INC-7)") });
        var result = await RunAsync(host, StorageUri("13"));
        result.Outcome.ShouldBe(RemoteOutcome.NothingToPromote);
        result.Bump.AllHeld.ShouldBeTrue();
        fake.Pulls.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_dry_run_writes_nothing_and_returns_the_diff()
    {
        var result = await RunAsync(host, StorageUri("13"), dryRun: true);
        result.Outcome.ShouldBe(RemoteOutcome.DryRun);
        result.Bump.Diff().ShouldContain("+      storageUri: 's3://models/fraud/v13'  # pinned by manifest-bump");
        fake.Writes.ShouldBe(0);
    }
}
