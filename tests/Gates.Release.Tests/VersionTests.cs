namespace Gates.Release.Tests;

/// <summary>MinVer's versions in a repository: the tag, a pre-release height after it, a pre-release without tags.</summary>
public class VersionTests
{
    [Fact]
    public void A_commit_after_the_tag_is_a_pre_release_of_the_next_patch_with_its_height()
    {
        using var repo = new SourceRepo();
        repo.Tag("v9.8.7");
        repo.Commit("One more");
        repo.Commit("And another");

        repo.PackageVersion().ShouldBe("9.8.8-alpha.0.2");
    }

    [Fact]
    public void A_repository_without_tags_is_a_pre_release_of_the_minimum_version()
    {
        using var repo = new SourceRepo();
        repo.Commit("Second");

        // The height counts the commits after the root commit.
        repo.PackageVersion().ShouldBe("0.1.0-alpha.0.1");
    }

    [Fact]
    public void Tags_without_the_v_prefix_are_not_versions()
    {
        using var repo = new SourceRepo();
        repo.Tag("9.8.7");
        repo.Commit("Second");

        repo.PackageVersion().ShouldBe("0.1.0-alpha.0.1");
    }

    [Fact]
    public void A_source_tree_without_git_builds_as_a_source_pre_release()
    {
        using var tree = new SourceRepo(git: false);

        tree.PackageVersion().ShouldBe("0.1.0-source");
    }
}
