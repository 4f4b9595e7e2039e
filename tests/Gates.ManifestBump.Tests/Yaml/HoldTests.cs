using Gates.ManifestBump.Yaml;
using static Gates.ManifestBump.Tests.Yaml.Edits;

namespace Gates.ManifestBump.Tests.Yaml;

public class HoldTests
{
    [Theory]
    [InlineData("spec:\n  storageUri: s3://m/v11 # gates:hold rolled back, see INC-42\n")]
    [InlineData("spec:\n  # rolled back by hand\n  # gates:hold\n  storageUri: s3://m/v11\n")]
    [InlineData("metadata:\n  annotations:\n    gates.dev/hold: \"true\"\nspec:\n  storageUri: s3://m/v11\n")]
    public void A_hold_stops_the_edit(string yaml)
    {
        var edit = Run(yaml, Set("spec.storageUri", "s3://m/v13"));
        edit.Changed.ShouldBeFalse();
        var change = edit.Changes.Single();
        change.Status.ShouldBe(ChangeStatus.Held);
        change.Note.ShouldNotBeNull().ShouldContain("held by");
    }

    [Fact]
    public void A_hold_on_another_key_does_not_stop_this_one()
    {
        const string yaml = "spec:\n  # gates:hold\n  runtimeVersion: 1.0\n  storageUri: \"s3://m/v11 # gates:hold\"\n";
        Run(yaml, Set("spec.storageUri", "s3://m/v13")).Changes.Single().Status.ShouldBe(ChangeStatus.Changed);
    }

    [Fact]
    public void An_annotation_set_to_false_is_no_hold()
    {
        const string yaml = "metadata:\n  annotations:\n    gates.dev/hold: \"false\"\nspec:\n  storageUri: s3://m/v11\n";
        Run(yaml, Set("spec.storageUri", "s3://m/v13")).Changed.ShouldBeTrue();
    }
}
