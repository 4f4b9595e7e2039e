using Gates.ManifestBump.Tests.Command;
using Gates.ManifestBump.Tests.Promotion;
using Gates.Testing;
using Gates.Testing.Tools;

namespace Gates.ManifestBump.Tests.Fuzz;

/// <summary>
/// Seeded mutations of the YAML manifests and of the config (truncations, byte flips, invalid UTF-8, deleted lines,
/// swapped types): never a crash, invalid bytes are exit 2 naming the file, and a refused manifest stays on disk
/// byte for byte as it was.
/// </summary>
public class ManifestFuzzTests
{
    [Fact]
    public async Task Mutated_manifests_never_crash_and_a_refused_one_is_left_unchanged()
    {
        using var repo = new TempFolder();
        var original = System.Text.Encoding.UTF8.GetBytes(Scenario.Isvc);
        var i = 0;
        foreach (var mutation in Mutations.Of(original, 71, 50))
        {
            var name = $"m{i++}.yaml";
            File.WriteAllBytes(repo.File(name), mutation.Bytes);

            var run = await ToolRunner.RunAsync(repo.Path, null, "--file", name, "--select", "kind=InferenceService,name=fraud",
                "--set", "spec.predictor.model.storageUri=s3://models/fraud/v13");

            run.ShouldNotCrash(name, mutation);
            File.Exists(repo.File(name)).ShouldBeTrue($"{mutation}: {run}");
            if (mutation.IsInvalidUtf8)
            {
                run.ExitCode.ShouldBe(2, $"{mutation}: {run}");
            }

            if (run.ExitCode != 0)
            {
                File.ReadAllBytes(repo.File(name)).ShouldBe(mutation.Bytes, $"{mutation}: {run}");
            }
        }
    }

    [Fact]
    public async Task Mutated_configs_never_crash_and_dry_runs_leave_the_manifests_unchanged()
    {
        using var repo = new TempFolder();
        var manifests = new[] { "apps/fraud/prod/isvc.yaml", "apps/fraud/prod/kustomization.yaml" };
        foreach (var manifest in manifests)
        {
            repo.Write(manifest, File.ReadAllText(RepositoryPaths.Of("samples", "manifests", manifest)));
        }

        var before = manifests.Select(m => File.ReadAllText(repo.File(m))).ToList();
        var original = File.ReadAllBytes(RepositoryPaths.Of("samples", "manifests", "manifest-bump.yaml"));
        File.WriteAllBytes(repo.File("original.yaml"), original);
        (await ToolRunner.RunAsync(repo.Path, null, "--config", "original.yaml", "--model-version", "13", "--repo-root", repo.Path, "--dry-run"))
            .ShouldExit(0);
        var i = 0;
        foreach (var mutation in Mutations.Of(original, 72, 50))
        {
            var name = $"c{i++}.yaml";
            File.WriteAllBytes(repo.File(name), mutation.Bytes);

            var run = await ToolRunner.RunAsync(repo.Path, null, "--config", name, "--model-version", "13", "--repo-root", repo.Path, "--dry-run");

            run.ShouldNotCrash("", mutation);
            if (mutation.IsInvalidUtf8)
            {
                run.ShouldRefuse(name, mutation);
            }

            manifests.Select(m => File.ReadAllText(repo.File(m))).ShouldBe(before, $"{mutation}: {run}");
        }
    }
}
