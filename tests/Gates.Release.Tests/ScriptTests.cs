using Gates.Testing;

namespace Gates.Release.Tests;

/// <summary>.ci/pin-release and .ci/release-notes, which the release workflow runs, on copies of the files they read.</summary>
public class ScriptTests
{
    [Fact]
    public void Pin_release_pins_the_action_version_and_every_gitlab_component_default()
    {
        using var copy = new TempFolder();
        Copy(copy.Path, ".ci/pin-release", "actions/setup/gates-version");
        foreach (var template in Directory.GetFiles(RepositoryPaths.Of("templates"), "*.yml"))
        {
            Copy(copy.Path, "templates/" + Path.GetFileName(template));
        }

        Command.Run(copy.Path, "bash", [".ci/pin-release", "2.3.4"]).ShouldSucceed();

        File.ReadAllText(Path.Combine(copy.Path, "actions", "setup", "gates-version")).Trim().ShouldBe("2.3.4");
        foreach (var template in Directory.GetFiles(Path.Combine(copy.Path, "templates")))
        {
            var lines = File.ReadAllLines(template);
            var input = Array.FindIndex(lines, l => l == "    version:");
            input.ShouldBeGreaterThan(0, template);
            lines[input + 1].ShouldBe("      default: '2.3.4'", template);
            File.ReadAllText(template).Replace("'2.3.4'", "'X'").ShouldBe(File.ReadAllText(RepositoryPaths.Of("templates", Path.GetFileName(template))).Replace(Pinned(template), "'X'"));
        }
    }

    [Fact]
    public void Pin_release_refuses_what_is_not_a_package_version()
    {
        using var copy = new TempFolder();
        Copy(copy.Path, ".ci/pin-release", "actions/setup/gates-version");

        var result = Command.Run(copy.Path, "bash", [".ci/pin-release", "v1.2"]);

        result.Code.ShouldBe(2, result.Output);
        File.ReadAllText(Path.Combine(copy.Path, "actions", "setup", "gates-version")).ShouldBe(File.ReadAllText(RepositoryPaths.Of("actions", "setup", "gates-version")));
    }

    [Fact]
    public void Release_notes_are_the_changelog_section_of_the_version()
    {
        using var copy = new TempFolder();
        Copy(copy.Path, ".ci/release-notes");
        copy.Write("CHANGELOG.md", "# Changelog\n\n## [Unreleased]\n\n## [1.1.0] - 2026-12-01\n\n### Added\n- B\n\n## [1.0.0] - 2026-11-01\n\n### Added\n- A\n");

        var notes = Command.Run(copy.Path, "bash", [".ci/release-notes", "1.1.0"]).ShouldSucceed();
        var missing = Command.Run(copy.Path, "bash", [".ci/release-notes", "2.0.0"]);

        notes.Output.ShouldContain("### Added\n- B\n");
        notes.Output.ShouldNotContain("- A");
        missing.Code.ShouldBe(1);
        missing.Output.ShouldContain("no section '## [2.0.0]'");
    }

    [Fact]
    public void The_changelog_has_an_unreleased_section()
    {
        File.ReadAllText(RepositoryPaths.Of("CHANGELOG.md")).ShouldContain("\n## [Unreleased]\n");
    }

    private static string Pinned(string template) =>
        File.ReadAllLines(RepositoryPaths.Of("templates", Path.GetFileName(template))).SkipWhile(l => l != "    version:").Skip(1).First().Split("default: ")[1];

    private static void Copy(string to, params string[] files)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(to, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(RepositoryPaths.Of(file.Split('/')), target);
        }
    }
}
