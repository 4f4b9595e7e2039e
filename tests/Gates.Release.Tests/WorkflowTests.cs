using Gates.Testing;

namespace Gates.Release.Tests;

/// <summary>The release workflow: the validators pass it, and only the permission scope they predate is let through.</summary>
public class WorkflowTests
{
    private static readonly string Workflow = RepositoryPaths.Of(".github", "workflows", "release.yml");

    [Fact]
    public void The_release_workflow_passes_actionlint_and_the_schemas()
    {
        var result = Command.Run(RepositoryPaths.Root, "bash", [RepositoryPaths.Of(".ci", "validate-actions"), Workflow]);

        result.Code.ShouldBe(0, result.Output);
        result.Output.ShouldContain("1 files checked, 0 problems");
    }

    [Fact]
    public void A_misspelt_permission_scope_still_fails_validation()
    {
        using var folder = new TempFolder();
        var typo = folder.Write("release.yml", File.ReadAllText(Workflow).Replace("attestations: write", "attestation: write"));

        var result = Command.Run(RepositoryPaths.Root, "bash", [RepositoryPaths.Of(".ci", "validate-actions"), typo]);

        result.Code.ShouldBe(1, result.Output);
        result.Output.ShouldContain("attestation");
    }

    [Fact]
    public void The_release_attests_provenance_pushes_to_nuget_and_moves_the_major_tag()
    {
        var text = File.ReadAllText(Workflow);

        text.ShouldContain("actions/attest-build-provenance@");
        text.ShouldContain("secrets.NUGET_API_KEY");
        text.ShouldContain("bash .ci/pin-release \"$VERSION\"");
        text.ShouldContain("git push -f origin \"refs/tags/$major\"");
        text.ShouldContain("fetch-depth: 0");
    }
}
